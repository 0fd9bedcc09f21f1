import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import { StartupError } from '../core/startup-error.js';
import { freePort, ownChild, waitUntil, type Child } from './children.js';

/** Whether a Redis answers PING at `url` within a second. */
export async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

export interface RunningRedis extends Child {
  url: string;
}

/**
 * Starts the machine's redis-server on a free port of 127.0.0.1 with its append-only file in `dir`
 * (kept across starts) and the production eviction policy (never drop queued jobs).
 */
export async function startRedisServer(dir: string, triedUrl: string): Promise<RunningRedis> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).error) {
    throw new StartupError(
      `Redis did not answer at ${triedUrl} and redis-server is not installed: install it (sudo apt-get install redis-server, or brew install redis), or set REDIS_URL to a Redis that runs`,
    );
  }
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
      '--loglevel',
      'warning',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const running = ownChild(child);
  const url = `redis://127.0.0.1:${port}`;
  try {
    await waitUntil(() => redisAnswers(url), child, 'redis-server', 10_000);
  } catch (err) {
    await running.stop();
    throw new StartupError(`the local redis-server did not start: ${(err as Error).message}`, { cause: err });
  }
  return { url, stop: running.stop };
}
