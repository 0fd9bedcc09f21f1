import type { Redis } from 'ioredis';

/**
 * Which weekly pings were queued this ISO week, in a Redis set: one round trip tells a run of the
 * weekly-progress job (every 15 minutes, all week) which officers are done, instead of a database
 * lookup per officer. Only a shortcut: the delivery's unique key still keeps a ping from going twice
 * should Redis have lost the set.
 */

const setOf = (week: string) => `weekly-pings:${week}`;
/** Kept a little longer than the week it is about. */
const KEEP_SECONDS = 9 * 24 * 60 * 60;

export async function pingsQueuedAlready(redis: Redis, week: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const member = await redis.smismember(setOf(week), ...keys);
  return new Set(keys.filter((_, i) => member[i] === 1));
}

export async function markPingsQueued(redis: Redis, week: string, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await redis.multi().sadd(setOf(week), ...keys).expire(setOf(week), KEEP_SECONDS).exec();
}
