import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { startFerretDb } from '../test/support/ferretdb.js';
import { cpuMsOf } from './processes.js';

/**
 * The servers every phase shares (FerretDB unless MONGODB_URI, the local Redis unless REDIS_URL), and
 * per phase a database name and a Redis key prefix of its own, so no phase sees another's data.
 */

export interface Servers {
  mongoRoot: string;
  redisUrl: string;
  /** "FerretDB 1.24 (SQLite)" or "MongoDB at MONGODB_URI". */
  database: string;
  /** CPU time the database server has used so far (ms), when it runs here (FerretDB); null for MONGODB_URI. */
  databaseCpuMs(): number | null;
  stop(): Promise<void>;
}

export async function startServers(): Promise<Servers> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (process.env.MONGODB_URI) {
    const root = process.env.MONGODB_URI.replace(/\/[^/]*$/, '/');
    return {
      mongoRoot: root,
      redisUrl,
      database: 'MONGODB_URI',
      databaseCpuMs: () => null,
      stop: async () => undefined,
    };
  }
  const ferret = await startFerretDb();
  return {
    mongoRoot: ferret.uri,
    redisUrl,
    database: `FerretDB 1.24 (SQLite backend${process.env.FERRETDB_ID_INDEX ? ', _id lookups through its index' : ''})`,
    databaseCpuMs: () => cpuMsOf(ferret.pid),
    stop: ferret.stop,
  };
}

export interface PhaseScope {
  name: string;
  mongoUri: string;
  redisUrl: string;
  /** Ends with ":" as REDIS_KEY_PREFIX requires. */
  redisPrefix: string;
  /** Drops the phase's database and Redis keys. */
  clean(): Promise<void>;
}

export function phaseScope(servers: Servers, name: string): PhaseScope {
  const tag = `${name.replace(/\W/g, '_')}_${randomBytes(3).toString('hex')}`;
  const mongoUri = `${servers.mongoRoot}skbench_${tag}`;
  const redisPrefix = `skbench-${tag}:`;
  return {
    name,
    mongoUri,
    redisUrl: servers.redisUrl,
    redisPrefix,
    async clean() {
      const conn = await mongoose.createConnection(mongoUri).asPromise();
      await conn.dropDatabase().finally(() => conn.close());
      await deleteRedisKeys(servers.redisUrl, redisPrefix);
    },
  };
}

async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
