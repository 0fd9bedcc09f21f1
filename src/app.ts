import { type Bot, Api } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { createTelegramBot, introduce, publishCommands } from './channels/telegram/bot.js';
import { withPacingAndRetries } from './channels/telegram/pacing.js';
import { telegramWebhook } from './channels/telegram/webhook.js';
import { handleStoredUpdates } from './channels/telegram/stored-updates.js';
import { startLongPolling } from './channels/telegram/polling.js';
import { TelegramSender } from './channels/telegram/send.js';
import { TelegramFiles } from './channels/telegram/files.js';
import { ZaloBotApi } from './channels/zalo/bot-api.js';
import { botWebhook, handleBotWebhookUpdates, startBotPolling, type BotChannel } from './channels/zalo/bot-channel.js';
import { ZaloOaApi } from './channels/zalo/oa-api.js';
import { handleOaWebhookEvents, oaWebhook, type OaChannel } from './channels/zalo/oa-channel.js';
import { MongoOaTokenStore } from './services/zalo-tokens.service.js';
import { markUnreachable } from './services/support.service.js';
import type { AdapterPorts } from './channels/answer.js';
import { COMMAND_NAMES, handleEvent } from '../handlers/index.js';
import { OaTokenManager } from './channels/zalo/oa-tokens.js';
import { RedisLock } from './core/lock.js';
import { ZaloBotSender, ZaloOaSender } from './channels/zalo/send.js';
import { pacedBy } from './channels/zalo/pacing.js';
import { systemClock, type Clock } from './core/time.js';
import type { Config } from './config.js';
import { connectMongo, disconnectMongo } from './db.js';
import { logSlowCommands } from './db-slow-commands.js';
import type { Deps } from './deps.js';
import { HttpServer } from './channels/http.js';
import { readiness } from './readiness.js';
import { I18n } from './core/i18n.js';
import { createLogger, type Logger } from './logger.js';
import './models/index.js';
import { startJobs } from '../jobs/index.js';
import { BullOutbox } from '../jobs/delivery-queue.js';
import { BullFollowUps } from '../jobs/follow-ups.js';
import { Pacer } from './delivery/pacer.js';
import { RedisInbox } from './delivery/inbox.js';
import { handledOnce } from './delivery/inbound-claims.js';
import { checkRedis, createRedis } from './redis.js';
import { Queue } from 'bullmq';
import { bullOptions, DELIVERY_QUEUE } from '../jobs/delivery-queue.js';
import { FOLLOW_UP_QUEUE } from '../jobs/follow-ups.js';
import { SUPPORT_QUEUE } from '../jobs/index.js';
import { RedisChartLinks } from './services/chart-links.service.js';

/**
 * Start-up wiring lives here, in one place: connections, the HTTP server for webhooks, then each
 * messenger that is configured (Telegram, and the Zalo OA or a Zalo Bot), then the jobs.
 */

export type TelegramConfig = Pick<
  Config,
  'TELEGRAM_API_ROOT' | 'TELEGRAM_WEBHOOK_URL' | 'TELEGRAM_WEBHOOK_SECRET' | 'PORT'
> & { TELEGRAM_BOT_TOKEN: string };

export interface Running {
  stop(): Promise<void>;
}

export interface RunningTelegram extends Running {
  bot: Bot;
  /** The webhook HTTP server, in webhook mode. */
  server: HttpServer | null;
}

const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** What the messenger adapters are given: the handlers answer their events, each update once. */
const portsOf = (deps: Deps): AdapterPorts => ({
  handle: handledOnce(deps.redis, (event) => handleEvent(event, deps)),
  i18n: deps.i18n,
  log: deps.log,
  pacing: deps.pacer,
});

/**
 * Long polling by default; the webhook when TELEGRAM_WEBHOOK_URL is set, on `http` (the process's
 * server) or, without one, on a server of its own.
 */
export async function startTelegram(
  deps: Deps,
  config: TelegramConfig,
  opts: { botInfo?: UserFromGetMe; http?: HttpServer; onFatal?: (err: unknown) => void } = {},
): Promise<RunningTelegram> {
  const bot = createTelegramBot(portsOf(deps), {
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
  });
  await introduce(bot, config.TELEGRAM_API_ROOT);
  deps.senders.telegram = new TelegramSender(bot.api, deps.i18n);
  deps.files.telegram = new TelegramFiles(bot.api, config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_API_ROOT);
  await publishCommands(bot, deps.i18n, COMMAND_NAMES);

  if (!config.TELEGRAM_WEBHOOK_URL) {
    await bot.api.deleteWebhook();
    const polling = startLongPolling(bot, new RedisInbox(deps.redis, deps.log), {
      allowedUpdates: ALLOWED_UPDATES,
      log: deps.log,
      onFatal: opts.onFatal ?? (() => undefined),
    });
    deps.log.info({ bot: bot.botInfo.username }, 'Telegram long polling started');
    return { bot, server: null, stop: () => polling.stop() };
  }

  const url = new URL(config.TELEGRAM_WEBHOOK_URL);
  const own = opts.http ? null : new HttpServer(deps.log, readiness(deps, config));
  const http = opts.http ?? own!;
  const inbox = new RedisInbox(deps.redis, deps.log);
  const handling = handleStoredUpdates(inbox, bot);
  http.route(url.pathname, telegramWebhook(inbox, config.TELEGRAM_WEBHOOK_SECRET!, deps.log));
  if (own) await own.listen(config.PORT);
  await bot.api.setWebhook(url.toString(), {
    secret_token: config.TELEGRAM_WEBHOOK_SECRET!,
    allowed_updates: ALLOWED_UPDATES,
  });
  deps.log.info({ bot: bot.botInfo.username, path: url.pathname }, 'Telegram webhook started');
  return {
    bot,
    server: own,
    stop: async () => {
      await own?.close();
      await handling.stop();
    },
  };
}

/** The Zalo surface the settings name, as a sender (what jobs need) and, for the bot process, its inbound side. */
function zaloChannel(deps: Deps, config: Config): { oa: OaChannel } | { bot: BotChannel } | null {
  if (config.ZALO_OA_APP_ID) {
    const store = new MongoOaTokenStore();
    const tokens = new OaTokenManager({
      oauthRoot: config.ZALO_OAUTH_ROOT,
      appId: config.ZALO_OA_APP_ID,
      appSecretKey: config.ZALO_OA_APP_SECRET!,
      store: {
        load: (id) => store.seed(id, config.ZALO_OA_REFRESH_TOKEN!).then(() => store.load(id)),
        save: (id, pair) => store.save(id, pair),
      },
      lock: new RedisLock(deps.redis),
      clock: deps.clock,
      log: deps.log,
    });
    const api = new ZaloOaApi({ apiRoot: config.ZALO_OA_API_ROOT, tokens, messages: pacedBy(deps.pacer) });
    const sender = new ZaloOaSender(api, deps.i18n, deps.files, {
      imageUrl: config.ZALO_OA_PHONE_FORM_IMAGE_URL!,
    });
    const onUnfollow = (userId: string) => markUnreachable('zalo', userId, deps.clock.now());
    return {
      oa: {
        appId: config.ZALO_OA_APP_ID,
        oaId: config.ZALO_OA_ID!,
        oaSecretKey: config.ZALO_OA_SECRET_KEY!,
        api,
        sender,
        redis: deps.redis,
        onUnfollow,
      },
    };
  }
  if (config.ZALO_BOT_TOKEN) {
    const api = new ZaloBotApi({
      apiRoot: config.ZALO_BOT_API_ROOT,
      token: config.ZALO_BOT_TOKEN,
      messages: pacedBy(deps.pacer),
    });
    // Photos by URL only: charts are served by this bot's HTTP server, when people can reach it.
    const charts = config.PUBLIC_BASE_URL ? new RedisChartLinks(deps.redis, config.PUBLIC_BASE_URL, deps.clock) : null;
    return { bot: { api, sender: new ZaloBotSender(api, deps.i18n, charts) } };
  }
  return null;
}

/** Zalo's inbound side: the OA webhook, or the Zalo Bot's webhook or long polling. */
export async function startZalo(deps: Deps, config: Config, http: HttpServer): Promise<Running | null> {
  const zalo = zaloChannel(deps, config);
  if (!zalo) return null;
  if ('oa' in zalo) {
    deps.senders.zalo = zalo.oa.sender;
    const inbox = new RedisInbox(deps.redis, deps.log);
    const handling = handleOaWebhookEvents(portsOf(deps), zalo.oa, inbox);
    http.route(config.ZALO_OA_WEBHOOK_PATH, oaWebhook(portsOf(deps), zalo.oa, inbox));
    deps.log.info({ path: config.ZALO_OA_WEBHOOK_PATH }, 'Zalo OA webhook started');
    return handling;
  }
  deps.senders.zalo = zalo.bot.sender;
  if (!config.ZALO_BOT_WEBHOOK_URL) {
    const polling = startBotPolling(portsOf(deps), zalo.bot);
    deps.log.info('Zalo Bot long polling started');
    return polling;
  }
  const url = new URL(config.ZALO_BOT_WEBHOOK_URL);
  const inbox = new RedisInbox(deps.redis, deps.log);
  const handling = handleBotWebhookUpdates(portsOf(deps), zalo.bot, inbox);
  http.route(url.pathname, botWebhook(portsOf(deps), config.ZALO_BOT_WEBHOOK_SECRET!, inbox));
  await zalo.bot.api.setWebhook(url.toString(), config.ZALO_BOT_WEBHOOK_SECRET!);
  deps.log.info({ path: url.pathname }, 'Zalo Bot webhook started');
  return handling;
}

/**
 * With PUBLIC_BASE_URL: the officers' dashboard under /dashboard (Bull Board on the job queues for admins)
 * and the Zalo Bot's chart links under /charts, on the process's HTTP server.
 */
export async function startDashboard(deps: Deps, config: Config, http: HttpServer): Promise<Running | null> {
  if (!config.PUBLIC_BASE_URL) return null;
  // Loaded only where it runs: a process without a dashboard neither waits for nor holds its modules.
  const { chartLinkRoute, dashboardRoute } = await import('./dashboard/routes.js');
  const queues = [DELIVERY_QUEUE, FOLLOW_UP_QUEUE, SUPPORT_QUEUE].map(
    (name) => new Queue(name, bullOptions(jobsRedis(config))),
  );
  http.mount('/dashboard', dashboardRoute(deps, { publicBaseUrl: config.PUBLIC_BASE_URL, queues }));
  http.mount('/charts', chartLinkRoute(deps));
  deps.log.info({ url: `${config.PUBLIC_BASE_URL}/dashboard` }, 'dashboard started');
  return {
    async stop() {
      await Promise.all(queues.map((q) => q.close()));
    },
  };
}

export interface RunningApp extends Running {
  deps: Deps;
  /** The process's HTTP server (webhooks, /healthz, /readyz), where more routes may be added. */
  http: HttpServer;
}

interface Connected {
  deps: Deps;
  disconnect: () => Promise<void>;
}

const jobsRedis = (config: Config) => ({ url: config.REDIS_URL, prefix: config.REDIS_KEY_PREFIX });

async function connect(config: Config, opts: { clock?: Clock; log?: Logger }): Promise<Connected> {
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  const mongo = await connectMongo(config.MONGODB_URI, { monitorCommands: config.DB_SLOW_MS !== undefined });
  if (config.DB_SLOW_MS !== undefined) logSlowCommands(mongo.connection.getClient(), log, config.DB_SLOW_MS);
  const redis = createRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX);
  await checkRedis(redis);
  const outbox = BullOutbox.open(jobsRedis(config));
  const followUps = BullFollowUps.open(jobsRedis(config));
  const deps: Deps = {
    clock: opts.clock ?? systemClock,
    i18n: new I18n(),
    log,
    redis,
    senders: {},
    pacer: new Pacer(redis),
    outbox,
    followUps,
    files: {},
    publicBaseUrl: config.PUBLIC_BASE_URL,
  };
  return {
    deps,
    async disconnect() {
      await outbox.close();
      await followUps.close();
      await redis.quit();
      await disconnectMongo();
    },
  };
}

/** The bot process: MongoDB, Redis, the configured messengers, and the jobs unless a separate worker runs them. */
export async function startApp(
  config: Config,
  opts: { clock?: Clock; log?: Logger; onFatal?: (err: unknown) => void } = {},
): Promise<RunningApp> {
  const { deps, disconnect } = await connect(config, opts);
  // Webhooks, /healthz and /readyz, in every mode.
  const http = new HttpServer(deps.log, readiness(deps, config));
  await http.listen(config.PORT);
  const telegram = config.TELEGRAM_BOT_TOKEN
    ? await startTelegram(
        deps,
        { ...config, TELEGRAM_BOT_TOKEN: config.TELEGRAM_BOT_TOKEN },
        { http, ...(opts.onFatal ? { onFatal: opts.onFatal } : {}) },
      )
    : null;
  const zalo = await startZalo(deps, config, http);
  const dashboard = await startDashboard(deps, config, http);
  const jobs = config.JOBS_IN_BOT ? await startJobs(deps, jobsRedis(config)) : null;
  return {
    deps,
    http,
    async stop() {
      await telegram?.stop();
      await zalo?.stop();
      await http.close();
      await dashboard?.stop();
      await jobs?.stop();
      await disconnect();
    },
  };
}

/** The worker process (`npm run worker`): the BullMQ jobs, sending through the messengers' APIs without receiving. */
export async function startWorker(config: Config, opts: { clock?: Clock; log?: Logger } = {}): Promise<RunningApp> {
  const { deps, disconnect } = await connect(config, opts);
  if (config.TELEGRAM_BOT_TOKEN) {
    const api = withPacingAndRetries(
      new Api(config.TELEGRAM_BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT }),
      deps.pacer,
    );
    deps.senders.telegram = new TelegramSender(api, deps.i18n);
    deps.files.telegram = new TelegramFiles(api, config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_API_ROOT);
  }
  const zalo = zaloChannel(deps, config);
  if (zalo) deps.senders.zalo = 'oa' in zalo ? zalo.oa.sender : zalo.bot.sender;
  const jobs = await startJobs(deps, jobsRedis(config));
  // Nothing posts to a worker: its server answers /healthz and /readyz only.
  const http = new HttpServer(deps.log, readiness(deps, config));
  await http.listen(config.PORT);
  deps.log.info({ port: config.PORT }, 'worker started');
  return {
    deps,
    http,
    async stop() {
      await http.close();
      await jobs.stop();
      await disconnect();
    },
  };
}
