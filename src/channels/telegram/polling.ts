import { GrammyError, type Bot } from 'grammy';
import type { Inbox } from '../../core/inbox.js';
import type { Logger } from '../../logger.js';
import { handleStoredUpdates, TELEGRAM_INBOX } from './stored-updates.js';

const POLL_SECONDS = 30;
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

export interface Polling {
  stop(): Promise<void>;
}

/**
 * Long polling. Each batch is stored in the inbox before the next getUpdates confirms it to Telegram,
 * and handled from there exactly as webhook updates are (stored-updates.ts): concurrently across chats,
 * each chat's in order, taken over by another process if this one dies. Fetching never waits for
 * handling, so one slow update holds up nobody else (confirming only up to the oldest update still being
 * handled would let at most 100 updates, getUpdates' limit, be in hand at once). A 401 or 409 (another
 * process polls this token) ends polling for good: `onFatal` is told, and the process is expected to exit
 * so a supervisor restarts it.
 */
export function startLongPolling(
  bot: Bot,
  inbox: Inbox,
  opts: { allowedUpdates: readonly string[]; log: Logger; onFatal: (err: unknown) => void },
): Polling {
  const handling = handleStoredUpdates(inbox, bot);
  const stopping = new AbortController();
  const fetching = (async () => {
    let offset: number | undefined;
    let retryMs = FIRST_RETRY_MS;
    while (!stopping.signal.aborted) {
      try {
        const updates = await bot.api.getUpdates(
          { offset, timeout: POLL_SECONDS, limit: 100, allowed_updates: opts.allowedUpdates as never },
          stopping.signal as never,
        );
        await inbox.put(TELEGRAM_INBOX, ...updates);
        if (updates.length > 0) offset = updates.at(-1)!.update_id + 1;
        retryMs = FIRST_RETRY_MS;
      } catch (err) {
        if (stopping.signal.aborted) return;
        if (isFatal(err)) {
          opts.log.fatal(
            { err: describe(err) },
            'Telegram long polling stopped for good (409: another process polls this bot token; 401: the token was revoked)',
          );
          opts.onFatal(err);
          return;
        }
        opts.log.warn({ err: describe(err), retryMs }, 'getUpdates failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, retryMs));
        retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
      }
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await fetching;
      await handling.stop();
    },
  };
}

const isFatal = (err: unknown): boolean =>
  err instanceof GrammyError && (err.error_code === 401 || err.error_code === 409);
const describe = (err: unknown) => (err instanceof Error ? { name: err.name, message: err.message } : err);
