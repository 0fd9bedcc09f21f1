import type { TestProject } from 'vitest/node';
import { Redis } from 'ioredis';
import { startFerretDb } from './support/ferretdb.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    redisUrl: string;
  }
}

/**
 * Starts the real servers the tests talk to: FerretDB 1.x (MongoDB wire protocol, SQLite backend)
 * unless MONGODB_URI is set, and checks the local Redis (or REDIS_URL).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  await checkRedis(redisUrl);
  project.provide('redisUrl', redisUrl);

  if (process.env.MONGODB_URI) {
    project.provide('mongoUri', process.env.MONGODB_URI);
    return async () => {};
  }
  const ferret = await startFerretDb();
  project.provide('mongoUri', ferret.uri);
  return ferret.stop;
}

async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`Tests need Redis at ${url} (start redis-server or set REDIS_URL)`, { cause: err });
  } finally {
    redis.disconnect();
  }
}
