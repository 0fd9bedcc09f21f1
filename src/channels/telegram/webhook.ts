import { z } from 'zod';
import type { Inbox } from '../../core/inbox.js';
import type { Logger } from '../../logger.js';
import { answer, jsonOf, readWebhookBody, secretHeaderMatches, type RouteHandler } from '../http.js';
import { TELEGRAM_INBOX } from './stored-updates.js';

/** Updates are a few KB; Telegram documents no maximum, so leave room for long captions and entities. */
const MAX_UPDATE_BYTES = 1024 * 1024;

const UpdateShape = z.object({ update_id: z.number().int() }).passthrough();

/**
 * The route Telegram posts updates to. The secret token must come back in
 * X-Telegram-Bot-Api-Secret-Token (401 otherwise, compared in constant time). The update is stored in
 * the inbox and Telegram answered at once: a webhook that answers late is resent later and, past a
 * few seconds, makes Telegram hold back the next updates, so a burst would queue up at Telegram's side.
 * The stored updates are handled by handleStoredUpdates (stored-updates.ts).
 */
export function telegramWebhook(inbox: Inbox, secretToken: string, log: Logger): RouteHandler {
  return async (req, res) => {
    if (!secretHeaderMatches(req.headers['x-telegram-bot-api-secret-token'], secretToken)) {
      log.warn('telegram webhook: wrong secret token, refused');
      return answer(res, 401, { error: 'secret token mismatch' });
    }
    const raw = await readWebhookBody(req, res, MAX_UPDATE_BYTES, log, { error: 'body too large' });
    if (!raw) return;
    const update = UpdateShape.safeParse(jsonOf(raw));
    if (!update.success) {
      log.warn({ bytes: raw.length }, 'telegram webhook: not an update, refused');
      return answer(res, 400, { error: 'not an update' });
    }
    await inbox.put(TELEGRAM_INBOX, update.data);
    answer(res, 200, {});
  };
}
