import { startApp } from './app.js';
import type { RunningApp } from './connections.js';
import { loadConfig } from './config.js';
import { startLocalServices } from './embedded/local-services.js';
import { createLogger } from './logger.js';
import { FAKE_TELEGRAM_TOKEN } from './playground/personas.js';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** With none of these set there is no messenger to talk to, and `npm start` opens the playground. */
const messengerConfigured = (env: NodeJS.ProcessEnv): boolean =>
  Boolean(env.TELEGRAM_BOT_TOKEN || env.ZALO_OA_APP_ID || env.ZALO_BOT_TOKEN);

/**
 * `npm start`: the bot process with what the environment leaves out filled in locally. No MONGODB_URI:
 * an embedded FerretDB; no REDIS_URL and no Redis answering: a redis-server of its own; no messenger:
 * the playground (fake Telegram and Zalo, demo data, a page on PORT). Whatever is set is used as is.
 */
export async function launchBot(
  env: NodeJS.ProcessEnv,
  opts: { onFatal?: (err: unknown) => void } = {},
): Promise<RunningApp> {
  const playground = !messengerConfigured(env);
  // Every configuration problem first, before anything is started (what will be local stands in).
  loadConfig({
    ...env,
    ...(env.MONGODB_URI ? {} : { MONGODB_URI: 'mongodb://127.0.0.1/embedded' }),
    ...(playground ? { TELEGRAM_BOT_TOKEN: FAKE_TELEGRAM_TOKEN } : {}),
  });
  const log = createLogger(LEVELS.includes(env.LOG_LEVEL ?? '') ? env.LOG_LEVEL! : 'info');

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    const local = await startLocalServices(env, log);
    stops.push(local.stop);
    // The fakes, the page and the demo data are loaded only for the playground: a bot with a token
    // neither waits for nor holds their modules.
    const fakes = playground ? await (await import('./playground/playground.js')).Playground.start() : null;
    if (fakes) stops.push(() => fakes.stop());
    // The playground's officer can open the dashboard on this machine.
    const dashboard = fakes && !env.PUBLIC_BASE_URL ? { PUBLIC_BASE_URL: `http://localhost:${env.PORT || 8080}` } : {};
    const config = loadConfig({ ...env, ...local.env, ...fakes?.env(), ...dashboard });
    const app = await startApp(config, {
      log,
      ...(fakes ? { clock: fakes.clock } : {}),
      ...(opts.onFatal ? { onFatal: opts.onFatal } : {}),
    });
    stops.push(() => app.stop());
    await fakes?.attach(app, app.http, config, log);
    return { ...app, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
