import type { FakeTelegram } from '../src/playground/fakes/telegram-server.js';
import { freePort } from '../test/support/net.js';
import type { PhaseScope } from './infra.js';
import { BenchProcess } from './processes.js';

/** The processes a phase runs against its fake Telegram: the bot (src/main.ts), the worker, the echo bot. */

export type InboundMode = 'polling' | 'webhook';
const STARTUP_MS = 90_000;

/** Settings of a bot or worker process; each serves /healthz on a free port of its own. */
async function baseEnv(scope: PhaseScope, tg: FakeTelegram): Promise<Record<string, string>> {
  return {
    PORT: String(await freePort()),
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
    MONGODB_URI: scope.mongoUri,
    REDIS_URL: scope.redisUrl,
    REDIS_KEY_PREFIX: scope.redisPrefix,
    LOG_LEVEL: 'info',
    // Where the time goes: the bench reports the slowest commands of each process (BenchProcess.slowestCommands).
    DB_SLOW_MS: '100',
    JOBS_IN_BOT: 'false',
  };
}

/** Ready once it polls the fake (long polling) or registered its webhook: it can then receive. */
function receiving(tg: FakeTelegram, mode: InboundMode, since: number, timeoutMs: number) {
  const method = mode === 'polling' ? 'getUpdates' : 'setWebhook';
  return tg.waitForCall((c) => c.method === method && c.ok && c.at >= since, timeoutMs);
}

/**
 * The bot alone (src/main.ts, JOBS_IN_BOT=false), in long polling or webhook mode; `unpaced`: with the
 * pacer's Telegram limits lifted (bench/raised-limits.ts), for the ceiling against a fake without limits.
 */
export async function startBot(
  name: string,
  scope: PhaseScope,
  tg: FakeTelegram,
  mode: InboundMode,
  opts: { unpaced?: boolean } = {},
): Promise<BenchProcess> {
  const env = await baseEnv(scope, tg);
  if (mode === 'webhook') {
    Object.assign(env, {
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${env.PORT}/telegram/hook`,
      TELEGRAM_WEBHOOK_SECRET: 'bench-secret-0123456789',
    });
  }
  if (opts.unpaced) Object.assign(env, { BENCH_TELEGRAM_PER_SECOND: '100000', BENCH_UNPACED_CHATS: 'true' });
  const since = Date.now();
  const bot = BenchProcess.start(name, opts.unpaced ? 'bench/raised-limits.ts' : 'src/main.ts', [], env);
  await bot.whileRunning(receiving(tg, mode, since, STARTUP_MS));
  return bot;
}

/**
 * The worker (src/main.ts worker): the jobs and the delivery queue; with `telegramPerSecond`, the same
 * worker paced to that many messages a second (bench/raised-limits.ts).
 */
export async function startWorkerProcess(
  name: string,
  scope: PhaseScope,
  tg: FakeTelegram,
  telegramPerSecond?: number,
): Promise<BenchProcess> {
  const env = await baseEnv(scope, tg);
  const script = telegramPerSecond ? 'bench/raised-limits.ts' : 'src/main.ts';
  if (telegramPerSecond) env.BENCH_TELEGRAM_PER_SECOND = String(telegramPerSecond);
  const worker = BenchProcess.start(name, script, ['worker'], env);
  await worker.waitForLine(/worker started/, STARTUP_MS);
  return worker;
}

/** The bare grammY echo bot (bench/echo-bot.ts), long polling: the ceiling the project is compared with. */
export async function startEchoBot(tg: FakeTelegram): Promise<BenchProcess> {
  const since = Date.now();
  const echo = BenchProcess.start('ceiling-echo', 'bench/echo-bot.ts', [], {
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
  });
  await echo.whileRunning(receiving(tg, 'polling', since, STARTUP_MS));
  return echo;
}
