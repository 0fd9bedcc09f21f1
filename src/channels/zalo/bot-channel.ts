import type { Deps } from '../../deps.js';
import { answer, readWebhookBody, type RouteHandler } from '../../http.js';
import type { ChannelSender } from '../sender.js';
import { answerZaloEvent, inChatOrder } from './answer.js';
import type { ZaloBotApi } from './bot-api.js';
import type { ZaloBotUpdate } from './bot-update.js';
import { parseBotWebhookBody, verifyBotSecret } from './bot-webhook.js';
import { fromBotUpdate } from './inbound.js';
import { MAX_WEBHOOK_BYTES } from './oa-channel.js';

export interface BotChannel {
  api: ZaloBotApi;
  sender: ChannelSender;
}

async function handleUpdate(deps: Deps, bot: BotChannel, update: ZaloBotUpdate): Promise<void> {
  const event = fromBotUpdate(update);
  if (!event) {
    deps.log.info({ event: update.eventName }, 'zalo bot: an update without content (protected sender), ignored');
    return;
  }
  await inChatOrder(event.chatId, async () => answerZaloEvent(deps, event, bot.sender));
}

/** Webhook mode: the secret token given to setWebhook must come back in X-Bot-Api-Secret-Token (403 otherwise). */
export function botWebhook(deps: Deps, bot: BotChannel, secret: string): RouteHandler {
  return async (req, res) => {
    if (!verifyBotSecret(req.headers['x-bot-api-secret-token'], secret)) {
      deps.log.warn('zalo bot webhook: wrong secret token, refused');
      return answer(res, 403, { message: 'Forbidden' });
    }
    const raw = await readWebhookBody(req, res, MAX_WEBHOOK_BYTES, deps.log, { message: 'body too large' });
    if (!raw) return;
    const update = parseBotWebhookBody(raw);
    if (!update) {
      deps.log.warn({ bytes: raw.length }, 'zalo bot webhook: not an update, refused');
      return answer(res, 400, { message: 'malformed update' });
    }
    await handleUpdate(deps, bot, update);
    answer(res, 200, { message: 'Success' });
  };
}

const POLL_SECONDS = 30;
const RETRY_MS = 3_000;

/**
 * Long polling. The Bot Platform keeps the cursor itself, so a batch is handled whole before the next
 * is asked for: its updates concurrently across people, in order for each.
 */
export function startBotPolling(deps: Deps, bot: BotChannel): { stop(): Promise<void> } {
  const stopping = new AbortController();
  const loop = (async () => {
    await bot.api.deleteWebhook();
    while (!stopping.signal.aborted) {
      try {
        const updates = await bot.api.getUpdates(POLL_SECONDS, stopping.signal);
        await Promise.all(updates.map((update) => handleUpdate(deps, bot, update)));
      } catch (err) {
        if (stopping.signal.aborted) break;
        deps.log.error({ err }, 'zalo bot polling failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
