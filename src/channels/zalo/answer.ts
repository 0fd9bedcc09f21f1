import { sequentialize } from '@grammyjs/runner';
import type { InboundEvent } from '../../core/event.js';
import type { ChannelSender } from '../../core/sender.js';
import { answerOf, sendReplies, type AdapterPorts } from '../answer.js';
// Zalo events of different people are handled at once (parallel webhook requests, a polled batch);
// one person's, one at a time in the order they came, as on Telegram.
const oneAtATimePerPerson = sequentialize<{ chatId: string }>((e) => `zalo:${e.chatId}`);

/** Runs `task` for this Zalo chat after the chat's earlier events are done. */
export const inChatOrder = (chatId: string, task: () => Promise<void>): Promise<void> =>
  oneAtATimePerPerson({ chatId }, task);

/**
 * Lets handlers/ answer one Zalo event and sends the answer. Zalo shows no notice for a pressed
 * button, so a button's notice is sent as a message of its own.
 */
export async function answerZaloEvent(ports: AdapterPorts, event: InboundEvent, sender: ChannelSender): Promise<void> {
  const result = await answerOf(ports, event);
  if (!result) return;
  const replies = result.buttonNotice ? [{ parts: [result.buttonNotice] }, ...result.replies] : result.replies;
  await sendReplies(ports, sender, event, { ...result, replies }).catch((err: unknown) =>
    ports.log.error({ err, eventId: event.eventId }, 'answering on Zalo failed'),
  );
}
