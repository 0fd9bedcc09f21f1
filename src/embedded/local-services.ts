import { join, relative } from 'node:path';
import type { Logger } from '../logger.js';
import { ferretDbCached, installFerretDb, startFerretDb } from './ferretdb.js';
import { dataDir } from './paths.js';
import { redisAnswers, startRedisServer } from './redis-server.js';
import type { Child } from './children.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const DATABASE = 'sang-kien';

export interface LocalServices {
  /** MONGODB_URI and REDIS_URL of what was started here; empty when the environment names both. */
  env: Record<string, string>;
  stop: () => Promise<void>;
}

/**
 * The bot with no MONGODB_URI runs on a FerretDB of its own (SQLite files in ./data/ferretdb), and with
 * no REDIS_URL on the local Redis, or a redis-server of its own when none answers (./data/redis). What is
 * set in the environment is used as it is, as in production.
 */
export async function startLocalServices(env: NodeJS.ProcessEnv, log: Logger): Promise<LocalServices> {
  const started: Child[] = [];
  const stop = async () => {
    for (const child of started.reverse()) await child.stop();
  };
  const dir = dataDir(env);
  // ./data inside the project reads better as a relative path; anywhere else, in full.
  const shown = (path: string) =>
    relative(process.cwd(), path).startsWith('..') ? path : `./${relative(process.cwd(), path)}`;
  const out: Record<string, string> = {};
  try {
    if (!env.MONGODB_URI) {
      if (!ferretDbCached(env))
        log.info('building FerretDB for the embedded database (first start only: a few minutes)');
      const ferret = await startFerretDb(await installFerretDb(env), join(dir, 'ferretdb'));
      started.push(ferret);
      out.MONGODB_URI = `${ferret.uri}${DATABASE}`;
      log.info(
        `embedded FerretDB started at ${out.MONGODB_URI} (data in ${shown(join(dir, 'ferretdb'))}; set MONGODB_URI to use another MongoDB)`,
      );
    }
    if (!env.REDIS_URL) {
      if (await redisAnswers(DEFAULT_REDIS_URL)) {
        log.info(`using the Redis that answers at ${DEFAULT_REDIS_URL}`);
      } else {
        const redis = await startRedisServer(join(dir, 'redis'), DEFAULT_REDIS_URL);
        started.push(redis);
        out.REDIS_URL = redis.url;
        log.info(
          `no Redis at ${DEFAULT_REDIS_URL}: started redis-server at ${redis.url} (data in ${shown(join(dir, 'redis'))}; set REDIS_URL to use another Redis)`,
        );
      }
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { env: out, stop };
}
