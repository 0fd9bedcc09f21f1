import { msg, type I18n } from '../core/i18n.js';
import type { InboundEvent } from '../core/event.js';
import { reply, type EventHandler, type HandleResult } from '../core/reply.js';
import { UnreachableError, type ChannelSender, type Pacing } from '../core/sender.js';
import type { Logger } from '../logger.js';

/** What an adapter is given at start-up: who answers its events, and the tools to send the answers. */
export interface AdapterPorts {
  handle: EventHandler;
  i18n: I18n;
  log: Logger;
  pacing: Pacing;
}

/**
 * The handlers' answer to one event (null: a duplicate). Should handling fail before the handlers
 * could answer (they answer their own failures in the person's language), the person still hears
 * that something went wrong.
 */
export async function answerOf(ports: AdapterPorts, event: InboundEvent): Promise<HandleResult | null> {
  return ports.handle(event).catch((err: unknown) => {
    ports.log.error({ err, eventId: event.eventId, chatId: event.chatId }, 'handling an update failed');
    return { locale: 'vi', replies: [reply(msg('error-generic'))] } satisfies HandleResult;
  });
}

/**
 * Sends the replies in order. The event itself was handled (and is marked so): a person who blocked
 * the bot is only logged, the messenger resending the event would not bring the answer back.
 */
export async function sendReplies(
  ports: AdapterPorts,
  sender: ChannelSender,
  event: InboundEvent,
  result: HandleResult,
): Promise<void> {
  try {
    for (const r of result.replies) await sender.send(event.chatId, result.locale, r);
  } catch (err) {
    if (!(err instanceof UnreachableError)) throw err;
    ports.log.warn(
      { chatId: event.chatId, eventId: event.eventId },
      'cannot answer: the person blocked the bot, or it left the chat',
    );
  }
}
