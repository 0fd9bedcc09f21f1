import { createServer, type Server } from 'node:http';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from '../../logger.js';

/**
 * The HTTP endpoint Telegram posts updates to. grammY checks X-Telegram-Bot-Api-Secret-Token in
 * constant time and answers 401 on a mismatch; anything but POST to the webhook path is 404.
 */
export function createWebhookServer(
  bot: Bot,
  opts: { path: string; secretToken: string },
  log: Logger,
  health: () => Promise<boolean>,
): Server {
  const handle = webhookCallback(bot, 'http', { secretToken: opts.secretToken });
  return createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
      health().then(
        (ok) => res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok })),
        () => res.writeHead(503).end(),
      );
      return;
    }
    if (req.method !== 'POST' || path !== opts.path) {
      res.writeHead(404).end();
      return;
    }
    handle(req, res).catch((err: unknown) => {
      log.error({ err }, 'webhook request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
}
