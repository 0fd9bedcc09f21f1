import { Redis } from 'ioredis';

/**
 * A Redis connection. BullMQ workers need maxRetriesPerRequest: null; the same setting is harmless
 * here. Production Redis must run with `maxmemory-policy noeviction` and AOF (README). `keyPrefix`
 * keeps this bot's keys apart (tests give each file its own).
 */
export function createRedis(url: string, keyPrefix: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true, keyPrefix });
}

/** Connects and checks Redis answers; start-up fails with the reason when it does not. */
export async function checkRedis(redis: Redis): Promise<void> {
  if (redis.status === 'wait') await redis.connect();
  const pong = await redis.ping();
  if (pong !== 'PONG') throw new Error(`Redis health check failed: PING answered ${pong}`);
}
