import { startApp, startWorker } from './app.js';
import { ConfigError, loadConfig } from './config.js';

try {
  process.loadEnvFile();
} catch {
  // No .env file: the environment alone configures the bot.
}

let config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}

// `tsx src/main.ts worker` runs the jobs alone (npm run worker); otherwise the bot.
// A bot that can no longer receive (another process took the token's long polling) exits non-zero, so
// a supervisor restarts it instead of leaving a process alive that answers nobody.
const onFatal = () => process.exit(2);
const starting = process.argv[2] === 'worker' ? startWorker(config) : startApp(config, { onFatal });
const FORCE_EXIT_MS = 15_000;

// Listening before start-up ends: a signal that comes while it runs lets it finish, then stops cleanly.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    const app = await starting;
    app.deps.log.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), FORCE_EXIT_MS).unref();
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        app.deps.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}

await starting;
