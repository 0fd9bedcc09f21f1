import { GrammyError, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Logger } from '../../logger.js';

/**
 * What long polling has fetched and not finished. The offset confirmed to Telegram (every update below
 * it is gone for good) never passes an update still being handled, so a process killed mid-update gets
 * it again after a restart. Updates handled above that offset are remembered so a refetch skips them.
 */
export class UpdateLedger {
  private readonly running = new Set<number>();
  private readonly finished = new Set<number>();
  /** One past the highest update id fetched so far. */
  private next = 0;
  private waiters: (() => void)[] = [];

  offset(): number {
    return this.running.size > 0 ? Math.min(...this.running) : this.next;
  }

  /** The updates of a batch not seen before; from now on they count as running. */
  admit(updates: Update[]): Update[] {
    const fresh = updates.filter((u) => !this.running.has(u.update_id) && !this.finished.has(u.update_id));
    for (const u of fresh) {
      this.running.add(u.update_id);
      this.next = Math.max(this.next, u.update_id + 1);
    }
    return fresh;
  }

  finish(updateId: number): void {
    this.running.delete(updateId);
    this.finished.add(updateId);
    const offset = this.offset();
    for (const id of this.finished) if (id < offset) this.finished.delete(id);
    for (const wake of this.waiters.splice(0)) wake();
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when an update finishes, or after `ms`. */
  changed(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      // A wait that times out leaves no waiter behind (a long update would otherwise pile them up).
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve();
      }, ms);
      this.waiters.push(wake);
    });
  }
}

/** Updates handled at once (sequential within a chat, see createTelegramBot). */
const CONCURRENCY = 64;
/** While every fetched update is known and some still run, ask again this often for new ones. */
const REFETCH_MS = 250;
const SLOW_UPDATE_MS = 60_000;
const STOP_WAIT_MS = 10_000;

export interface Polling {
  stop(): Promise<void>;
}

/**
 * Long polling through grammY's runner: updates of different chats are handled concurrently, and the
 * offset follows the ledger above instead of the runner's own (which confirms a batch as soon as it is
 * fetched). A 401 or 409 (another process polls this token) ends polling for good: `onFatal` is told,
 * and the process is expected to exit so a supervisor restarts it.
 */
export function startLongPolling(
  bot: Bot,
  opts: { allowedUpdates: readonly string[]; log: Logger; onFatal: (err: unknown) => void },
): Polling {
  const ledger = new UpdateLedger();
  // The runner hands over its own AbortSignal polyfill, the type grammY takes.
  type RunnerSignal = Parameters<Parameters<typeof run>[0]['api']['getUpdates']>[1];
  const getUpdates = async (args: { timeout: number; limit: number }, signal: RunnerSignal): Promise<Update[]> => {
    for (;;) {
      const updates = await bot.api
        .getUpdates({ ...args, offset: ledger.offset(), allowed_updates: opts.allowedUpdates as never }, signal)
        .catch((err: unknown) => {
          // The runner retries with a backoff, or gives up on 401/409 (logged below); it logs nothing itself.
          if (!signal.aborted && !isFatal(err)) opts.log.warn({ err: describe(err) }, 'getUpdates failed; retrying');
          throw err;
        });
      const fresh = ledger.admit(updates);
      if (fresh.length > 0 || updates.length === 0) return fresh;
      // Only updates already being handled came back: wait for one to finish (or for newcomers).
      await ledger.changed(REFETCH_MS);
      if (signal.aborted) return [];
    }
  };
  const handle: RunnerHandle = run(
    {
      handleUpdate: async (update: Update) => {
        try {
          await bot.handleUpdate(update);
        } finally {
          ledger.finish(update.update_id);
        }
      },
      errorHandler: (err: unknown) => opts.log.error({ err }, 'handling a Telegram update failed'),
      api: { getUpdates },
    },
    {
      runner: { silent: true, fetch: { timeout: 30 } },
      sink: {
        concurrency: CONCURRENCY,
        timeout: {
          milliseconds: SLOW_UPDATE_MS,
          handler: (u) =>
            opts.log.warn({ updateId: u.update_id }, 'a Telegram update is still being handled after 60 s'),
        },
      },
    },
  );
  handle.task()?.catch((err: unknown) => {
    opts.log.fatal(
      { err: describe(err) },
      'Telegram long polling stopped for good (409: another process polls this bot token; 401: the token was revoked)',
    );
    opts.onFatal(err);
  });
  return {
    async stop() {
      await handle.stop();
      const deadline = Date.now() + STOP_WAIT_MS;
      while (ledger.size > 0 && Date.now() < deadline) await ledger.changed(100);
    },
  };
}

const isFatal = (err: unknown): boolean =>
  err instanceof GrammyError && (err.error_code === 401 || err.error_code === 409);
const describe = (err: unknown) => (err instanceof Error ? { name: err.name, message: err.message } : err);
