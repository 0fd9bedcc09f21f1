import { webhookCallback, type Bot } from 'grammy';
import type { RouteHandler } from '../http.js';

/**
 * The route Telegram posts updates to. grammY checks X-Telegram-Bot-Api-Secret-Token in constant time
 * and answers 401 on a mismatch.
 */
export function telegramWebhook(bot: Bot, secretToken: string): RouteHandler {
  const handle = webhookCallback(bot, 'http', { secretToken });
  return async (req, res) => {
    await handle(req, res);
  };
}
