import type { AdapterPorts } from '../answer.js';
import { answer, readWebhookBody, secretHeaderMatches, type RouteHandler } from '../http.js';
import type { ChannelSender } from '../../core/sender.js';
import type { Inbox, InboxConsumer } from '../../core/inbox.js';
import { answerZaloEvent, inChatOrder } from './answer.js';
import type { ZaloBotApi } from './bot-api.js';
import type { ZaloBotUpdate } from './bot-update.js';
import { parseBotWebhookBody } from './bot-webhook.js';
import { fromBotUpdate } from './inbound.js';
import { MAX_WEBHOOK_BYTES } from './oa-channel.js';

export interface BotChannel {
  api: ZaloBotApi;
  sender: ChannelSender;
}

async function handleUpdate(ports: AdapterPorts, bot: BotChannel, update: ZaloBotUpdate): Promise<void> {
  const event = fromBotUpdate(update);
  if (!event) {
    ports.log.info({ event: update.eventName }, 'zalo bot: an update without content (protected sender), ignored');
    return;
  }
  await inChatOrder(event.chatId, async () => answerZaloEvent(ports, event, bot.sender));
}

/**
 * Webhook mode: the secret token given to setWebhook must come back in X-Bot-Api-Secret-Token (403
 * otherwise). The update is stored in the inbox and answered 200 at once, then handled right after.
 */
export function botWebhook(ports: AdapterPorts, secret: string, inbox: Inbox): RouteHandler {
  return async (req, res) => {
    if (!secretHeaderMatches(req.headers['x-bot-api-secret-token'], secret)) {
      ports.log.warn('zalo bot webhook: wrong secret token, refused');
      return answer(res, 403, { message: 'Forbidden' });
    }
    const raw = await readWebhookBody(req, res, MAX_WEBHOOK_BYTES, ports.log, { message: 'body too large' });
    if (!raw) return;
    const update = parseBotWebhookBody(raw);
    if (!update) {
      ports.log.warn({ bytes: raw.length }, 'zalo bot webhook: not an update, refused');
      return answer(res, 400, { message: 'malformed update' });
    }
    await inbox.put(BOT_INBOX, update);
    answer(res, 200, { message: 'Success' });
  };
}

/** Where the Bot webhook stores the updates it receives. */
export const BOT_INBOX = 'zalo-bot';

/** Handles the updates the webhook stored: concurrently across people, in order for each. */
export function handleBotWebhookUpdates(ports: AdapterPorts, bot: BotChannel, inbox: Inbox): InboxConsumer {
  return inbox.consume(BOT_INBOX, (update) => handleUpdate(ports, bot, update as ZaloBotUpdate));
}

const POLL_SECONDS = 30;
const RETRY_MS = 3_000;

/**
 * Long polling. The Bot Platform keeps the cursor itself, so a batch is handled whole before the next
 * is asked for: its updates concurrently across people, in order for each.
 */
export function startBotPolling(ports: AdapterPorts, bot: BotChannel): { stop(): Promise<void> } {
  const stopping = new AbortController();
  const loop = (async () => {
    await bot.api.deleteWebhook();
    while (!stopping.signal.aborted) {
      try {
        const updates = await bot.api.getUpdates(POLL_SECONDS, stopping.signal);
        await Promise.all(updates.map((update) => handleUpdate(ports, bot, update)));
      } catch (err) {
        if (stopping.signal.aborted) break;
        ports.log.error({ err }, 'zalo bot polling failed; retrying');
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
