import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { redisAnswers, startRedisServer } from '../../src/embedded/redis-server.js';

describe('the redis-server npm start runs when no Redis answers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sk-redis-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts on a free port with its append-only file in the data folder, never evicting, and stops', async () => {
    const redis = await startRedisServer(dir, 'redis://127.0.0.1:6379');
    const client = new Redis(redis.url);
    try {
      await client.set('k', 'v');
      expect(await client.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    } finally {
      client.disconnect();
      await redis.stop();
    }
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    expect(await redisAnswers(redis.url)).toBe(false);
  });

  it('says in one line how to install it when redis-server is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(startRedisServer(dir, 'redis://127.0.0.1:6379')).rejects.toThrow(
        'Redis did not answer at redis://127.0.0.1:6379 and redis-server is not installed: install it (sudo apt-get install redis-server, or brew install redis), or set REDIS_URL to a Redis that runs',
      );
    } finally {
      process.env.PATH = path;
    }
  });
});
