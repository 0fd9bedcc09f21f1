import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Redis } from 'ioredis';
import { startTelegram, type RunningTelegram } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Deps } from '../../src/deps.js';
import { I18n } from '../../src/i18n.js';
import { createLogger } from '../../src/logger.js';
import { checkRedis, createRedis } from '../../src/redis.js';
import { FakeTelegram, type FakeTelegramOptions } from '../fakes/telegram-server.js';
import { testRedisUrl, withTestDatabase } from './servers.js';
import { freePort } from './net.js';
import { seedUnits, TestClock } from './fixtures.js';

export { TestClock } from './fixtures.js';

export interface World {
  tg: FakeTelegram;
  deps: Deps;
  clock: TestClock;
  mongoUri: string;
  bots: RunningTelegram[];
  /** Starts one more bot process on the same database and Redis (webhook mode needs a port each). */
  startBot(mode?: 'polling' | 'webhook'): Promise<RunningTelegram>;
  stopBots(): Promise<void>;
  close(): Promise<void>;
}

// People type slower than tests do: the fake's rate-limit clock runs 20x faster than the wall clock,
// so story tests stay within Telegram's per-chat limits while a storm of sends still trips them.
const acceleratedNow = (): (() => number) => {
  const start = Date.now();
  return () => start + (Date.now() - start) * 20;
};

/** A real bot (grammY over HTTP) against the fake Telegram, on a fresh database and Redis key space. */
export async function startWorld(opts: { mode?: 'polling' | 'webhook'; fake?: FakeTelegramOptions } = {}): Promise<World> {
  const db = await withTestDatabase();
  const tg = await FakeTelegram.start({ now: acceleratedNow(), ...opts.fake });
  const redis: Redis = createRedis(testRedisUrl(), `sk-test-${randomBytes(4).toString('hex')}:`);
  await checkRedis(redis);
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const deps: Deps = { clock, i18n: new I18n(), log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), redis, senders: {} };
  const bots: RunningTelegram[] = [];

  const world: World = {
    tg,
    deps,
    clock,
    mongoUri: db.uri,
    bots,
    async startBot(mode = opts.mode ?? 'polling') {
      const webhook = mode === 'webhook' ? { TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${await freePort()}/telegram/hook`, TELEGRAM_WEBHOOK_SECRET: 'test-secret-0123456789' } : {};
      const config = loadConfig({
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        MONGODB_URI: db.uri,
        ...webhook,
        PORT: webhook.TELEGRAM_WEBHOOK_URL ? new URL(webhook.TELEGRAM_WEBHOOK_URL).port : '8080',
      });
      const bot = await startTelegram(deps, config);
      bots.push(bot);
      return bot;
    },
    async stopBots() {
      await Promise.all(bots.splice(0).map((b) => b.stop()));
    },
    async close() {
      await world.stopBots();
      await tg.stop();
      await redis.quit();
      await db.close();
    },
  };
  await world.startBot();
  return world;
}


/** One world per test file, with the sample unit tree: started before its tests, closed after them. */
export function useWorld(opts: Parameters<typeof startWorld>[0] = {}): () => World {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld(opts);
    await seedUnits();
  });
  afterAll(() => world?.close());
  return () => world!;
}
