import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Redis } from 'ioredis';
import { startDashboard, startTelegram, startZalo, type RunningTelegram } from '../../src/app.js';
import type { Running } from '../../src/connections.js';
import { HttpServer } from '../../src/channels/http.js';
import { FakeZalo } from '../../src/playground/fakes/zalo-server.js';
import { loadConfig } from '../../src/config.js';
import type { Deps } from '../../src/deps.js';
import { I18n } from '../../src/core/i18n.js';
import { createLogger } from '../../src/logger.js';
import { checkRedis, createRedis } from '../../src/redis.js';
import { FakeTelegram, type FakeTelegramOptions } from '../../src/playground/fakes/telegram-server.js';
import { testRedisUrl, withTestDatabase } from './servers.js';
import { freePort } from './net.js';
import { seedUnits, TestClock } from './fixtures.js';
import { Queue, type Worker } from 'bullmq';
import { BullOutbox, DELIVERY_QUEUE, startDeliveryWorker } from '../../jobs/delivery-queue.js';
import { BullFollowUps, startFollowUpWorker } from '../../jobs/follow-ups.js';
import { Pacer, type PacerTime } from '../../src/delivery/pacer.js';
import { ChatLanes } from '../../src/delivery/chat-lanes.js';
import { RedisInbox } from '../../src/delivery/inbox.js';
import { TELEGRAM_INBOX } from '../../src/channels/telegram/stored-updates.js';
import { OA_INBOX } from '../../src/channels/zalo/oa-channel.js';
import { BOT_INBOX } from '../../src/channels/zalo/bot-channel.js';

export { TestClock } from './fixtures.js';

export interface World {
  tg: FakeTelegram;
  deps: Deps;
  clock: TestClock;
  mongoUri: string;
  /** This world's Redis key prefix (a bot or worker process of the test shares it). */
  redisPrefix: string;
  bots: RunningTelegram[];
  /** The delivery queue the jobs fill; its worker runs in this process. */
  deliveries: Queue;
  deliveryWorker: Worker;
  /**
   * Runs `action` with the delivery and follow-up workers paused (what it queues waits), then lets
   * them go on: to count what one action costs, apart from the work it hands to them.
   */
  withWorkersPaused<T>(action: () => Promise<T>): Promise<T>;
  /** Resolves once every queued delivery has been handled (sent, or given up). */
  drain(timeoutMs?: number): Promise<void>;
  /** Runs a job's work the way its scheduler would, then waits for what it queued to be delivered. */
  run<T>(job: (deps: Deps) => Promise<T>): Promise<T>;
  /** The fake Zalo of startZalo(); undefined before. */
  zalo: FakeZalo | undefined;
  /**
   * Connects the bot to a fake Zalo as well: the union's OA (its signed webhook) or a Zalo Bot
   * (long polling, or its webhook). The fake shares the world's clock.
   */
  startZalo(surface: 'oa' | 'bot', mode?: 'polling' | 'webhook'): Promise<FakeZalo>;
  /**
   * Serves the dashboard (and the Zalo Bot's chart links) on a port of its own, which becomes the public
   * base URL (PUBLIC_BASE_URL) of the bot and of a Zalo started after it. Resolves to that URL.
   */
  startDashboard(): Promise<string>;
  /** Starts one more bot process on the same database and Redis (webhook mode needs a port each). */
  startBot(mode?: 'polling' | 'webhook'): Promise<RunningTelegram>;
  stopBots(): Promise<void>;
  close(): Promise<void>;
}

// People type slower than tests do: messenger time (the fake's rate limits, our pacer, retry_after
// and backoff delays) runs 20x faster than the wall clock, so story tests stay within Telegram's
// per-chat limits while a storm of sends still trips them.
const SPEED = 20;
const ZALO_APP_SECRET = 'zalo-app-secret-for-tests';
const ZALO_OA_SECRET = 'zalo-oa-secret-for-tests';
const acceleratedNow = (): (() => number) => {
  const start = Date.now();
  return () => start + (Date.now() - start) * SPEED;
};
const acceleratedTime = (now: () => number): PacerTime => ({
  now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / SPEED)),
});

/** A real bot (grammY over HTTP) against the fake Telegram, on a fresh database and Redis key space. */
export async function startWorld(
  opts: { mode?: 'polling' | 'webhook'; fake?: FakeTelegramOptions } = {},
): Promise<World> {
  const db = await withTestDatabase();
  const now = acceleratedNow();
  const tg = await FakeTelegram.start({ now, ...opts.fake });
  const prefix = `sk-test-${randomBytes(4).toString('hex')}:`;
  const redis: Redis = createRedis(testRedisUrl(), prefix);
  await checkRedis(redis);
  const clock = new TestClock(new Date('2026-11-23T02:00:00Z'));
  const queueConnection = { url: testRedisUrl(), prefix, timeScale: 1 / SPEED };
  const deliveries = new Queue(DELIVERY_QUEUE, { connection: { url: testRedisUrl() }, prefix: `${prefix}bull` });
  const followUps = BullFollowUps.open(queueConnection);
  const deps: Deps = {
    clock,
    i18n: new I18n(),
    log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    redis,
    senders: {},
    pacer: new Pacer(redis, acceleratedTime(now)),
    outbox: new BullOutbox(deliveries, new ChatLanes(redis), 1 / SPEED),
    followUps,
    files: {},
  };
  const deliveryWorker: Worker = startDeliveryWorker(deps, queueConnection);
  const followUpWorker: Worker = startFollowUpWorker(deps, queueConnection);
  const bots: RunningTelegram[] = [];
  const zaloParts: { fake: FakeZalo; running: Running | null; http: HttpServer }[] = [];
  const dashboards: { running: Running | null; http: HttpServer }[] = [];

  const world: World = {
    tg,
    deps,
    clock,
    mongoUri: db.uri,
    redisPrefix: prefix,
    bots,
    deliveries,
    deliveryWorker,
    async withWorkersPaused(action) {
      await world.drain();
      await Promise.all([deliveryWorker.pause(), followUpWorker.pause()]);
      try {
        return await action();
      } finally {
        void deliveryWorker.resume();
        void followUpWorker.resume();
      }
    },
    get zalo() {
      return zaloParts[0]?.fake;
    },
    async startZalo(surface, mode = 'webhook') {
      const fake = new FakeZalo({
        now: () => clock.now().getTime(),
        appSecretKey: ZALO_APP_SECRET,
        oaSecretKey: ZALO_OA_SECRET,
        allowHttpLocalhostWebhook: true,
      });
      fake.afterEvent = () => world.drain();
      await fake.start();
      const port = await freePort();
      const http = new HttpServer(deps.log, async () => ({}));
      await http.listen(port);
      const surfaceConfig =
        surface === 'oa'
          ? {
              ZALO_OA_APP_ID: fake.appId,
              ZALO_OA_ID: fake.oaId,
              ZALO_OA_APP_SECRET: ZALO_APP_SECRET,
              ZALO_OA_SECRET_KEY: ZALO_OA_SECRET,
              ZALO_OA_REFRESH_TOKEN: fake.issueTokens().refreshToken,
              ZALO_OA_PHONE_FORM_IMAGE_URL: 'https://cong-doan.example/logo.png',
              ZALO_OA_API_ROOT: fake.url,
              ZALO_OAUTH_ROOT: fake.url,
            }
          : {
              ZALO_BOT_TOKEN: fake.botToken,
              ZALO_BOT_API_ROOT: fake.url,
              ...(mode === 'webhook'
                ? {
                    ZALO_BOT_WEBHOOK_URL: `http://127.0.0.1:${port}/zalo/bot`,
                    ZALO_BOT_WEBHOOK_SECRET: 'zalo-bot-secret-123',
                  }
                : {}),
            };
      const config = loadConfig({
        MONGODB_URI: db.uri,
        PORT: String(port),
        ...(deps.publicBaseUrl ? { PUBLIC_BASE_URL: deps.publicBaseUrl } : {}),
        ...surfaceConfig,
      });
      const running = await startZalo(deps, config, http);
      if (surface === 'oa') fake.setOaWebhook(`http://127.0.0.1:${port}${config.ZALO_OA_WEBHOOK_PATH}`);
      zaloParts.push({ fake, running, http });
      return fake;
    },
    async startDashboard() {
      const port = await freePort();
      const http = new HttpServer(deps.log, async () => ({}));
      await http.listen(port);
      const config = loadConfig({
        TELEGRAM_BOT_TOKEN: tg.token,
        MONGODB_URI: db.uri,
        REDIS_URL: testRedisUrl(),
        REDIS_KEY_PREFIX: prefix,
        PORT: String(port),
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      });
      dashboards.push({ running: await startDashboard(deps, config, http), http });
      deps.publicBaseUrl = config.PUBLIC_BASE_URL;
      return config.PUBLIC_BASE_URL!;
    },
    async drain(timeoutMs = 15_000) {
      // What the bot took from the messengers is handled first: that is what queues the deliveries.
      for (const source of INBOXES) await inboxEmptied(redis, source);
      const deadline = Date.now() + timeoutMs;
      const idle = async (queue: Queue) =>
        Object.values(
          await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children'),
        ).every((n) => n === 0);
      while (Date.now() < deadline) {
        // Follow-ups queue deliveries: both idle, follow-ups first, means nothing more is coming.
        if ((await idle(followUps.queue)) && (await idle(deliveries))) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('drain: deliveries still queued after the timeout');
    },
    async run(job) {
      const result = await job(deps);
      await world.drain();
      return result;
    },
    async startBot(mode = opts.mode ?? 'polling') {
      const webhook =
        mode === 'webhook'
          ? {
              TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${await freePort()}/telegram/hook`,
              TELEGRAM_WEBHOOK_SECRET: 'test-secret-0123456789',
            }
          : {};
      const config = loadConfig({
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        MONGODB_URI: db.uri,
        ...webhook,
        PORT: webhook.TELEGRAM_WEBHOOK_URL ? new URL(webhook.TELEGRAM_WEBHOOK_URL).port : '8080',
      });
      const bot = await startTelegram(deps, { ...config, TELEGRAM_BOT_TOKEN: tg.token });
      bots.push(bot);
      return bot;
    },
    async stopBots() {
      await Promise.all(bots.splice(0).map((b) => b.stop()));
    },
    async close() {
      await world.stopBots();
      for (const d of dashboards.splice(0)) {
        await d.http.close();
        await d.running?.stop();
      }
      for (const z of zaloParts.splice(0)) {
        await z.running?.stop();
        await z.http.close();
        await z.fake.stop();
      }
      await followUpWorker.close();
      await followUps.queue.obliterate({ force: true });
      await followUps.close();
      await deliveryWorker.close();
      await deliveries.obliterate({ force: true });
      await deliveries.close();
      await tg.stop();
      await redis.quit();
      await db.close();
    },
  };
  // A person sees the consequences of their action before the story goes on: the bot takes an update
  // once it is stored in its inbox and handles it right after, then cards, relays and notices go through
  // the delivery queue (drain waits for both).
  tg.afterUpdate = () => world.drain();
  await world.startBot();
  return world;
}

/** One world per test file, with the sample unit tree: started before its tests, closed after them. */
/**
 * A world for the describe block's tests, or with `each` a fresh one for every test (for stories that
 * must not see what another left behind, whatever order they run in).
 */
export function useWorld(opts: Parameters<typeof startWorld>[0] = {}, { each = false } = {}): () => World {
  let world: World | undefined;
  (each ? beforeEach : beforeAll)(async () => {
    world = await startWorld(opts);
    await seedUnits();
  });
  (each ? afterEach : afterAll)(() => world?.close());
  return () => world!;
}

const INBOXES = [TELEGRAM_INBOX, OA_INBOX, BOT_INBOX];

/** Waits until every update the bot received (polling or webhook) and stored in its inbox was handled. */
export const inboxEmptied = (redis: Redis, source: string): Promise<void> =>
  new RedisInbox(redis, createLogger('silent')).emptied(source);
