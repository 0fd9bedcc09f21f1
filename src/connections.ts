import type { OaChannel } from './channels/zalo/oa-channel.js';
import type { BotChannel } from './channels/zalo/bot-channel.js';
import { ZaloBotApi } from './channels/zalo/bot-api.js';
import { ZaloOaApi } from './channels/zalo/oa-api.js';
import { OaTokenManager } from './channels/zalo/oa-tokens.js';
import { ZaloBotSender, ZaloOaSender } from './channels/zalo/send.js';
import { pacedBy } from './channels/zalo/pacing.js';
import type { HttpServer } from './channels/http.js';
import { MongoOaTokenStore } from './services/zalo-tokens.service.js';
import { markUnreachable } from './services/support.service.js';
import { RedisChartLinks } from './services/chart-links.service.js';
import { RedisLock } from './core/lock.js';
import { systemClock, type Clock } from './core/time.js';
import { I18n } from './core/i18n.js';
import type { Config } from './config.js';
import { connectMongo, disconnectMongo } from './db.js';
import { logSlowCommands } from './db-slow-commands.js';
import type { Deps } from './deps.js';
import { createLogger, type Logger } from './logger.js';
import './models/index.js';
import { BullOutbox } from '../jobs/delivery-queue.js';
import { BullFollowUps } from '../jobs/follow-ups.js';
import { Pacer } from './delivery/pacer.js';
import { checkRedis, createRedis } from './redis.js';

/**
 * Wiring shared by the bot process (src/app.ts) and the worker (src/worker.ts): the connections both
 * open (MongoDB, Redis, the queues), and the configured Zalo surface's API client and sender.
 */

export interface Running {
  stop(): Promise<void>;
}

export interface RunningApp extends Running {
  deps: Deps;
  /** The process's HTTP server (webhooks, /healthz, /readyz), where more routes may be added. */
  http: HttpServer;
}

export interface Connected {
  deps: Deps;
  disconnect: () => Promise<void>;
}

export const jobsRedis = (config: Config) => ({ url: config.REDIS_URL, prefix: config.REDIS_KEY_PREFIX });

export async function connect(config: Config, opts: { clock?: Clock; log?: Logger }): Promise<Connected> {
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

/** The Zalo surface the settings name, as a sender (what jobs need) and, for the bot process, its inbound side. */
export function zaloChannel(deps: Deps, config: Config): { oa: OaChannel } | { bot: BotChannel } | null {
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
