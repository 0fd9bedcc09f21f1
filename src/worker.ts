import { Api } from 'grammy';
import { withPacingAndRetries } from './channels/telegram/pacing.js';
import { TelegramSender } from './channels/telegram/send.js';
import { TelegramFiles } from './channels/telegram/files.js';
import { HttpServer } from './channels/http.js';
import type { Config } from './config.js';
import type { Clock } from './core/time.js';
import type { Logger } from './logger.js';
import { readiness } from './readiness.js';
import { startJobs } from '../jobs/index.js';
import { connect, jobsRedis, zaloChannel, type RunningApp } from './connections.js';

// Its own module, apart from src/app.ts: the worker neither loads nor holds the handlers and the
// messengers' inbound side, which it never runs.

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
