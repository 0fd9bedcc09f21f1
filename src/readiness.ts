import mongoose from 'mongoose';
import { Api } from 'grammy';
import type { Config } from './config.js';
import type { Deps } from './deps.js';
import type { Readiness } from './channels/http.js';

/** A messenger is asked at most this often; a readiness probe every few seconds costs it nothing. */
const MESSENGER_CHECK_MS = 30_000;
const CHECK_TIMEOUT_MS = 5_000;

/** The answer of `check`, asked again only once it is older than `everyMs`. */
function cached(check: () => Promise<unknown>, everyMs: number): () => Promise<boolean> {
  let last: { at: number; ok: boolean } | null = null;
  return async () => {
    if (last && Date.now() - last.at < everyMs) return last.ok;
    const ok = await check().then(
      () => true,
      () => false,
    );
    last = { at: Date.now(), ok };
    return ok;
  };
}

/** What /readyz reports: MongoDB, Redis and, when configured, Telegram (its getMe). */
export function readiness(
  deps: Pick<Deps, 'redis'>,
  config?: Pick<Config, 'TELEGRAM_BOT_TOKEN' | 'TELEGRAM_API_ROOT'>,
): Readiness {
  const token = config?.TELEGRAM_BOT_TOKEN;
  const telegram = token
    ? cached(
        () =>
          new Api(token, { apiRoot: config.TELEGRAM_API_ROOT }).getMe(AbortSignal.timeout(CHECK_TIMEOUT_MS) as never),
        MESSENGER_CHECK_MS,
      )
    : null;
  return async () => ({
    mongodb: mongoose.connection.readyState === mongoose.ConnectionStates.connected,
    redis: await deps.redis.ping().then(
      (pong) => pong === 'PONG',
      () => false,
    ),
    ...(telegram ? { telegram: await telegram() } : {}),
  });
}
