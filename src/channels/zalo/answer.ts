import { sequentialize } from '@grammyjs/runner';
import { handleEvent } from '../../../handlers/index.js';
import type { Deps } from '../../deps.js';
import { msg } from '../../i18n.js';
import { UnreachableError, type ChannelSender } from '../sender.js';
import type { HandleResult, InboundEvent } from '../types.js';

// Zalo events of different people are handled at once (parallel webhook requests, a polled batch);
// one person's, one at a time in the order they came, as on Telegram.
const oneAtATimePerPerson = sequentialize<{ chatId: string }>((e) => `zalo:${e.chatId}`);

/** Runs `task` for this Zalo chat after the chat's earlier events are done. */
export const inChatOrder = (chatId: string, task: () => Promise<void>): Promise<void> => oneAtATimePerPerson({ chatId }, task);

/**
 * Lets handlers/ answer one Zalo event and sends the answer. Zalo shows no notice for a pressed
 * button, so a button's notice is sent as a message of its own.
 */
export async function answerZaloEvent(deps: Deps, event: InboundEvent, sender: ChannelSender): Promise<void> {
  const result: HandleResult | null = await handleEvent(event, deps).catch((err: unknown) => {
    deps.log.error({ err, eventId: event.eventId }, 'handling a Zalo event failed');
    return { locale: 'vi', replies: [{ parts: [msg('error-generic')] }] } satisfies HandleResult;
  });
  if (!result) return;
  const replies = result.buttonNotice ? [{ parts: [result.buttonNotice] }, ...result.replies] : result.replies;
  try {
    for (const r of replies) await sender.send(event.chatId, result.locale, r);
  } catch (err) {
    // The event itself was handled (and is marked so): Zalo resending it would not bring the answer back.
    if (err instanceof UnreachableError) deps.log.warn({ eventId: event.eventId }, 'cannot answer on Zalo: the person blocked or left the OA');
    else deps.log.error({ err, eventId: event.eventId }, 'answering on Zalo failed');
  }
}
