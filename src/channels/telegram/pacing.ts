import type { Api } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import type { Pacing } from '../../core/sender.js';

/** Methods that put a message in a chat, and so count against Telegram's flood limits. */
const PACED_METHOD = /^(send(?!ChatAction)|edit|copy|forward)/;
/** A 429 asking for a longer wait than this fails the call: a proactive delivery goes back to the queue. */
const MAX_INLINE_WAIT_S = 10;

/**
 * Every message waits for its turn under Telegram's limits, shared with other processes through Redis:
 * its own chat's slot first, then a bot-wide one, so a busy group never delays a reply to anyone else.
 * A chat with no slot of its own within MAX_CHAT_WAIT_MS (a group many senders compete for) fails the
 * call with ChatBusyError, a RetryLaterError: a delivery goes back to the queue.
 * A 429 holds back every process for its retry_after, then the call is tried again (twice at most);
 * 5xx answers are retried with a short backoff.
 */
export function withPacingAndRetries(api: Api, pacer: Pacing): Api {
  api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 0, rethrowHttpErrors: true }));
  api.config.use(async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: number | string }).chat_id;
    if (!PACED_METHOD.test(method) || chatId === undefined) return prev(method, payload, signal);
    for (let attempt = 0; ; attempt++) {
      await pacer.wait('telegram', String(chatId));
      const res = await prev(method, payload, signal);
      const retryAfter = res.ok ? undefined : res.parameters?.retry_after;
      if (retryAfter === undefined || retryAfter > MAX_INLINE_WAIT_S || attempt >= 2) return res;
      await pacer.holdOff('telegram', retryAfter * 1000);
    }
  });
  return api;
}
