import type { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { createTelegramBot, introduce, publishCommands } from './channels/telegram/bot.js';
import { telegramWebhook } from './channels/telegram/webhook.js';
import { handleStoredUpdates } from './channels/telegram/stored-updates.js';
import { startLongPolling } from './channels/telegram/polling.js';
import { TelegramSender } from './channels/telegram/send.js';
import { TelegramFiles } from './channels/telegram/files.js';
import { botWebhook, handleBotWebhookUpdates, startBotPolling } from './channels/zalo/bot-channel.js';
import { handleOaWebhookEvents, oaWebhook } from './channels/zalo/oa-channel.js';
import type { AdapterPorts } from './channels/answer.js';
import { COMMAND_NAMES, handleEvent } from '../handlers/index.js';
import type { Config } from './config.js';
import type { Clock } from './core/time.js';
import type { Deps } from './deps.js';
import { HttpServer } from './channels/http.js';
import { readiness } from './readiness.js';
import type { Logger } from './logger.js';
import { startJobs } from '../jobs/index.js';
import { RedisInbox } from './delivery/inbox.js';
import { handledOnce } from './delivery/inbound-claims.js';
import { Queue } from 'bullmq';
import { bullOptions, DELIVERY_QUEUE } from '../jobs/delivery-queue.js';
import { FOLLOW_UP_QUEUE } from '../jobs/follow-ups.js';
import { SUPPORT_QUEUE } from '../jobs/index.js';
import { connect, jobsRedis, zaloChannel, type Running, type RunningApp } from './connections.js';

/**
 * Start-up wiring lives here, in one place: connections, the HTTP server for webhooks, then each
 * messenger that is configured (Telegram, and the Zalo OA or a Zalo Bot), then the jobs.
 */

export type TelegramConfig = Pick<
  Config,
  'TELEGRAM_API_ROOT' | 'TELEGRAM_WEBHOOK_URL' | 'TELEGRAM_WEBHOOK_SECRET' | 'PORT'
> & { TELEGRAM_BOT_TOKEN: string };

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
