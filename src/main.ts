import type { RunningApp } from './connections.js';
import { ConfigError, loadConfig, readEnvFile } from './config.js';
import { StartupError } from './core/startup-error.js';

readEnvFile();

/** Problems the person running the bot can fix are one line on stderr, not a stack trace. */
function exitWith(err: unknown): never {
  if (!(err instanceof ConfigError || err instanceof StartupError)) throw err;
  console.error(err.message);
  process.exit(1);
}

// A bot that can no longer receive (another process took the token's long polling) exits non-zero, so
// a supervisor restarts it instead of leaving a process alive that answers nobody.
const onFatal = () => process.exit(2);
// `tsx src/main.ts worker` runs the jobs alone (npm run worker); otherwise the bot, with an embedded
// database, Redis and the playground for what the settings leave out (src/launch.ts).
const starting: Promise<RunningApp> =
  process.argv[2] === 'worker'
    ? import('./worker.js').then(({ startWorker }) => startWorker(loadConfig()))
    : import('./launch.js').then(({ launchBot }) => launchBot(process.env, { onFatal }));
/** Shutting down (or giving up a start-up that hangs) takes at most this long. */
const FORCE_EXIT_MS = 10_000;

// Listening before start-up ends: a signal that comes while it runs lets it finish, then stops cleanly,
// within FORCE_EXIT_MS whatever start-up is waiting for. A second Ctrl-C stops at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void shutDown(signal));
}

async function shutDown(signal: NodeJS.Signals): Promise<void> {
  setTimeout(() => process.exit(1), FORCE_EXIT_MS).unref();
  const app = await starting.catch(() => process.exit(1));
  app.deps.log.info({ signal }, 'shutting down');
  app.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      app.deps.log.error({ err }, 'shutdown failed');
      process.exit(1);
    },
  );
}

await starting.catch(exitWith);
