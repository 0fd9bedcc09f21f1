import { Redis } from 'ioredis';
import { STARTUP_CHECK_MS, StartupError, withoutCredentials } from './core/startup-error.js';

/**
 * A Redis connection. BullMQ workers need maxRetriesPerRequest: null; the same setting is harmless
 * here. Production Redis must run with `maxmemory-policy noeviction` and AOF (README). `keyPrefix`
 * keeps this bot's keys apart (tests give each file its own).
 */
export function createRedis(url: string, keyPrefix: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true, keyPrefix });
  // ioredis reconnects by itself; without a listener every failed attempt prints a stack.
  redis.on('error', (err: Error) => lastErrors.set(redis, err));
  return redis;
}

const lastErrors = new WeakMap<Redis, Error>();

/** Connects and checks Redis answers; start-up fails with one line saying where and why when it does not. */
export async function checkRedis(redis: Redis): Promise<void> {
  const where = withoutCredentials(`redis://${redis.options.host ?? '127.0.0.1'}:${redis.options.port ?? 6379}`);
  const fail = (why: string) => {
    redis.disconnect();
    return new StartupError(
      `Redis did not answer at ${where} (${why}): start redis-server, or set REDIS_URL to one that runs`,
    );
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(fail(lastErrors.get(redis)?.message ?? `no answer in ${STARTUP_CHECK_MS / 1000} s`)),
      STARTUP_CHECK_MS,
    ).unref();
  });
  const answered = (async () => {
    if (redis.status === 'wait') await redis.connect();
    return redis.ping();
  })();
  const pong = await Promise.race([answered, timeout])
    .catch((err: unknown) => {
      // The error event says why ("connect ECONNREFUSED ..."); the rejection only that it closed.
      throw err instanceof StartupError
        ? err
        : fail(lastErrors.get(redis)?.message ?? (err instanceof Error ? err.message : String(err)));
    })
    // Once answered, the timer must not fire: it would disconnect the connection the process goes on using.
    .finally(() => clearTimeout(timer));
  if (pong !== 'PONG') throw fail(`PING answered ${String(pong)}`);
}
