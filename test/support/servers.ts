import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { connectMongo, disconnectMongo } from '../../src/db.js';
import '../../src/models/index.js';
import type { Redis } from 'ioredis';
import { checkRedis, createRedis } from '../../src/redis.js';

/** A database of its own for one test file, on the FerretDB (or MONGODB_URI) the global setup gave us. */
export function testMongoUri(): string {
  const base = new URL(inject('mongoUri'));
  base.pathname = `/sk_test_${randomBytes(4).toString('hex')}`;
  return base.toString();
}

export const testRedisUrl = (): string => inject('redisUrl');

export async function withTestDatabase(): Promise<{ uri: string; close: () => Promise<void> }> {
  const uri = testMongoUri();
  await connectMongo(uri, { serverSelectionTimeoutMS: 5_000, monitorCommands: true });
  return { uri, close: disconnectMongo };
}

/** A fresh database for the block's tests (with `each`, for every test): connected before, dropped from use after. */
export function useTestDatabase({ each = false } = {}): () => { uri: string } {
  let db: Awaited<ReturnType<typeof withTestDatabase>> | undefined;
  (each ? beforeEach : beforeAll)(async () => {
    db = await withTestDatabase();
  });
  (each ? afterEach : afterAll)(() => db?.close());
  return () => db!;
}

/** A Redis key space of its own (a fresh prefix) for the block's tests (with `each`, for every test). */
export function useTestRedis({ each = false } = {}): () => Redis {
  let redis: Redis | undefined;
  (each ? beforeEach : beforeAll)(async () => {
    redis = createRedis(testRedisUrl(), `sk-test-${randomBytes(4).toString('hex')}:`);
    await checkRedis(redis);
  });
  (each ? afterEach : afterAll)(() => redis?.quit());
  return () => redis!;
}
