import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { connectMongo, disconnectMongo } from '../../src/db.js';
import '../../src/models/index.js';

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
