import type { Server } from 'node:http';
import type { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import mongoose from 'mongoose';
import { Api } from 'grammy';
import { createTelegramBot, publishCommands, withPacingAndRetries } from './channels/telegram/bot.js';
import { createWebhookServer } from './channels/telegram/webhook.js';
import { TelegramSender } from './channels/telegram/send.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { connectMongo, disconnectMongo } from './db.js';
import type { Deps } from './deps.js';
import { I18n } from './i18n.js';
import { createLogger, type Logger } from './logger.js';
import './models/index.js';
import { startJobs } from '../jobs/index.js';
import { BullOutbox } from '../jobs/delivery-queue.js';
import { Pacer } from './delivery/pacer.js';
import { checkRedis, createRedis } from './redis.js';

/** Start-up wiring lives here, in one place: connections, then the messenger channels. */

export type TelegramConfig = Pick<
  Config,
  'TELEGRAM_BOT_TOKEN' | 'TELEGRAM_API_ROOT' | 'TELEGRAM_WEBHOOK_URL' | 'TELEGRAM_WEBHOOK_SECRET' | 'PORT'
>;

export interface RunningTelegram {
  bot: Bot;
  /** The webhook HTTP server, in webhook mode. */
  server: Server | null;
  stop(): Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** Long polling by default; a webhook server when TELEGRAM_WEBHOOK_URL is set. */
export async function startTelegram(deps: Deps, config: TelegramConfig, botInfo?: UserFromGetMe): Promise<RunningTelegram> {
  const bot = createTelegramBot(deps, {
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    ...(botInfo ? { botInfo } : {}),
  });
  await bot.init();
  deps.senders.telegram = new TelegramSender(bot.api, deps.i18n);
  await publishCommands(bot, deps);

  if (!config.TELEGRAM_WEBHOOK_URL) {
    const polling = bot.start({ allowed_updates: ALLOWED_UPDATES, drop_pending_updates: false });
    polling.catch((err: unknown) => deps.log.fatal({ err }, 'long polling stopped'));
    deps.log.info({ bot: bot.botInfo.username }, 'Telegram long polling started');
    return { bot, server: null, stop: () => bot.stop() };
  }

  const url = new URL(config.TELEGRAM_WEBHOOK_URL);
  const server = createWebhookServer(bot, { path: url.pathname, secretToken: config.TELEGRAM_WEBHOOK_SECRET! }, deps.log, () =>
    isHealthy(deps),
  );
  await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
  await bot.api.setWebhook(url.toString(), { secret_token: config.TELEGRAM_WEBHOOK_SECRET!, allowed_updates: ALLOWED_UPDATES });
  deps.log.info({ bot: bot.botInfo.username, port: config.PORT, path: url.pathname }, 'Telegram webhook started');
  return { bot, server, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function isHealthy(deps: Deps): Promise<boolean> {
  const mongoUp = mongoose.connection.readyState === 1;
  const redisUp = await deps.redis.ping().then((p) => p === 'PONG', () => false);
  return mongoUp && redisUp;
}

export interface RunningApp {
  deps: Deps;
  stop(): Promise<void>;
}

interface Connected {
  deps: Deps;
  disconnect(): Promise<void>;
}

const jobsRedis = (config: Config) => ({ url: config.REDIS_URL, prefix: config.REDIS_KEY_PREFIX });

async function connect(config: Config, opts: { clock?: Clock; log?: Logger }): Promise<Connected> {
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  await connectMongo(config.MONGODB_URI);
  const redis = createRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX);
  await checkRedis(redis);
  const outbox = BullOutbox.open(jobsRedis(config));
  const deps: Deps = { clock: opts.clock ?? systemClock, i18n: new I18n(), log, redis, senders: {}, pacer: new Pacer(redis), outbox };
  return {
    deps,
    async disconnect() {
      await outbox.close();
      await redis.quit();
      await disconnectMongo();
    },
  };
}

/** The bot process: MongoDB, Redis, Telegram, and the jobs unless a separate worker runs them. */
export async function startApp(config: Config, opts: { clock?: Clock; log?: Logger } = {}): Promise<RunningApp> {
  const { deps, disconnect } = await connect(config, opts);
  const telegram = await startTelegram(deps, config);
  const jobs = config.JOBS_IN_BOT ? await startJobs(deps, jobsRedis(config)) : null;
  return {
    deps,
    async stop() {
      await telegram.stop();
      await jobs?.stop();
      await disconnect();
    },
  };
}

/** The worker process (`npm run worker`): the BullMQ jobs, sending through the Bot API without polling. */
export async function startWorker(config: Config, opts: { clock?: Clock; log?: Logger } = {}): Promise<RunningApp> {
  const { deps, disconnect } = await connect(config, opts);
  const api = withPacingAndRetries(new Api(config.TELEGRAM_BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT }), deps.pacer);
  deps.senders.telegram = new TelegramSender(api, deps.i18n);
  const jobs = await startJobs(deps, jobsRedis(config));
  deps.log.info('worker started');
  return {
    deps,
    async stop() {
      await jobs.stop();
      await disconnect();
    },
  };
}
