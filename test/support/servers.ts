import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
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

/** A fresh database for the test file: connected before its tests, dropped from use after them. */
export function useTestDatabase(): () => { uri: string } {
  let db: Awaited<ReturnType<typeof withTestDatabase>> | undefined;
  beforeAll(async () => {
    db = await withTestDatabase();
  });
  afterAll(() => db?.close());
  return () => db!;
}

/** A Redis key space of its own for the test file (a fresh prefix), closed after its tests. */
export function useTestRedis(): () => Redis {
  let redis: Redis | undefined;
  beforeAll(async () => {
    redis = createRedis(testRedisUrl(), `sk-test-${randomBytes(4).toString('hex')}:`);
    await checkRedis(redis);
  });
  afterAll(() => redis?.quit());
  return () => redis!;
}
