import type { Redis } from 'ioredis';
import { createRedis } from '../src/redis.js';
import { connectMongo, disconnectMongo } from '../src/db.js';
import { I18n } from '../src/core/i18n.js';
import '../src/models/index.js';
import { FakeTelegram, type RateLimits } from '../src/playground/fakes/telegram-server.js';
import { CallWatch } from './call-watch.js';
import type { BenchFlags } from './flags.js';
import { phaseScope, type PhaseScope, type Servers } from './infra.js';
import type { BenchProcess } from './processes.js';

/** What every phase gets from run.ts. */
export interface PhaseContext {
  servers: Servers;
  flags: BenchFlags;
  /** One progress line, prefixed with the elapsed time and the phase. */
  progress(phase: string, line: string): void;
}

/** A phase's own world: database and Redis prefix, a fresh fake Telegram, the processes it started. */
export interface PhaseWorld {
  scope: PhaseScope;
  tg: FakeTelegram;
  /** Redis under the phase's key prefix, as the bot and worker see it. */
  redis: Redis;
  watch: CallWatch;
  i18n: I18n;
  say(line: string): void;
  /** Stops the process when the phase ends, however it ends. */
  own<P extends BenchProcess>(process: P): P;
}

export async function inPhaseWorld<T>(
  ctx: PhaseContext,
  name: string,
  opts: { rateLimits?: RateLimits | false; monitorCommands?: boolean },
  body: (world: PhaseWorld) => Promise<T>,
): Promise<T> {
  const scope = phaseScope(ctx.servers, name);
  const owned: BenchProcess[] = [];
  await connectMongo(scope.mongoUri, { monitorCommands: opts.monitorCommands ?? false });
  const tg = await FakeTelegram.start({ rateLimits: opts.rateLimits ?? false });
  const redis = createRedis(scope.redisUrl, scope.redisPrefix);
  const watch = new CallWatch(tg);
  const world: PhaseWorld = {
    scope,
    tg,
    redis,
    watch,
    i18n: new I18n(),
    say: (line) => ctx.progress(name, line),
    own: (p) => (owned.push(p), p),
  };
  try {
    return await body(world);
  } finally {
    await Promise.all(owned.map((p) => p.stop()));
    watch.close();
    await tg.stop();
    await redis.quit();
    await disconnectMongo();
    await scope.clean().catch((err: unknown) => ctx.progress(name, `cleaning up failed: ${String(err)}`));
  }
}
