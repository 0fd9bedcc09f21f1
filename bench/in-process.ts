import mongoose from 'mongoose';
import { startApp, type RunningApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { countCommands, describeCommands } from '../test/support/db-commands.js';
import { freePort } from '../test/support/net.js';
import type { PhaseWorld } from './phase-world.js';
import { sleep } from './stats.js';

/**
 * The bot inside the bench process (startApp, webhook mode, no jobs), so the driver's command
 * monitoring sees every database command it sends. The webhook makes a person's action resolve once
 * the bot has answered it; `measure` then also waits for the database to fall quiet, so work the bot
 * finishes after answering is counted too.
 */

const QUIET_MS = 400;
const MAX_SETTLE_MS = 60_000;

export interface Measured {
  commands: number;
  ms: number;
  /** "find units ×2, insert initiatives": what the action sent. */
  breakdown: string;
}

export interface InProcessBot {
  app: RunningApp;
  /** Runs `action` and counts the database commands it causes (until QUIET_MS without one). */
  measure(action: () => Promise<unknown>): Promise<Measured>;
  stop(): Promise<void>;
}

export async function startInProcessBot(world: PhaseWorld): Promise<InProcessBot> {
  const port = await freePort();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: world.tg.token,
    TELEGRAM_API_ROOT: world.tg.apiRoot,
    TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
    TELEGRAM_WEBHOOK_SECRET: 'bench-secret-0123456789',
    PORT: String(port),
    MONGODB_URI: world.scope.mongoUri,
    REDIS_URL: world.scope.redisUrl,
    REDIS_KEY_PREFIX: world.scope.redisPrefix,
    LOG_LEVEL: 'warn',
    JOBS_IN_BOT: 'false',
  });
  // The bench connected first with command monitoring on; startApp reuses that connection (same URI).
  const app = await startApp(config);
  let lastCommandAt = Date.now();
  const client = mongoose.connection.getClient();
  const onCommand = () => (lastCommandAt = Date.now());
  client.on('commandStarted', onCommand);
  const settle = async () => {
    const giveUpAt = Date.now() + MAX_SETTLE_MS;
    while (Date.now() - lastCommandAt < QUIET_MS && Date.now() < giveUpAt) await sleep(50);
  };
  return {
    app,
    async measure(action) {
      await settle();
      const start = Date.now();
      let answeredAt = start;
      const { commands } = await countCommands(async () => {
        await action();
        answeredAt = Date.now();
        await settle();
      });
      // Until the action resolved, or its last database command if the bot went on working after that.
      return { commands: commands.length, ms: Math.max(answeredAt, lastCommandAt) - start, breakdown: describeCommands(commands) };
    },
    async stop() {
      client.off('commandStarted', onCommand);
      await app.stop();
    },
  };
}
