import type { Pacing } from '../../core/sender.js';

/**
 * How a Zalo API client puts one message in a chat: `send` is the request, which the hook may hold back
 * first. Both clients (the OA's and the Bot Platform's) send every message through theirs.
 */
export type MessageHook = <T>(chatId: string, send: () => Promise<T>) => Promise<T>;

/** Each message at once: a client on its own (its tests), with nothing to share limits with. */
export const sendAtOnce: MessageHook = (_chatId, send) => send();

/**
 * Every message to a Zalo chat first waits for its turn under Zalo's limits, shared with every other process
 * through Redis. The one place Zalo is paced, as telegram/bot.ts paces Telegram in grammY's API transformer.
 */
export const pacedBy =
  (pacing: Pacing): MessageHook =>
  async (chatId, send) => {
    await pacing.wait('zalo', chatId);
    return send();
  };
