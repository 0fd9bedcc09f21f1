import type { Redis } from 'ioredis';
import type { AdapterPorts } from '../answer.js';
import { answer, readWebhookBody, type RouteHandler } from '../http.js';
import type { ChannelSender } from '../../core/sender.js';
import type { Inbox, InboxConsumer } from '../../core/inbox.js';
import { answerZaloEvent, inChatOrder } from './answer.js';
import { fromOaEvent } from './inbound.js';
import type { ZaloOaApi } from './oa-api.js';
import { parseOaEvent, verifyOaSignature, type OaEvent } from './oa-webhook.js';

/** A Zalo OA event is a few kilobytes; anything much larger is refused unread. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;
const NAME_TTL_SECONDS = 24 * 60 * 60;

export interface OaChannel {
  appId: string;
  oaId: string;
  /** The OA secret key that signs webhook events (not the app secret). */
  oaSecretKey: string;
  api: ZaloOaApi;
  sender: ChannelSender;
  /** Caches display names. */
  redis: Redis;
  /** The person unfollowed the OA: nothing more can reach them there. */
  onUnfollow(userId: string): Promise<void>;
}

/**
 * The OA webhook. Only a body signed with our OA secret key for our app and OA is processed: another
 * app's or OA's gets 403, a forged or unsigned one 401, malformed JSON 400, an oversized body 413, each
 * logged and not processed. A valid event is stored in the inbox and Zalo answered 200 at once; it is
 * handled right after (handleOaWebhookEvents), and a msg_id already handled is not handled again.
 */
export function oaWebhook(ports: AdapterPorts, oa: OaChannel, inbox: Inbox): RouteHandler {
  return async (req, res) => {
    const raw = await readWebhookBody(req, res, MAX_WEBHOOK_BYTES, ports.log, { error: 'body too large' });
    if (!raw) return;
    const event = parseOaEvent(raw);
    if (!event) {
      ports.log.warn({ bytes: raw.length }, 'zalo oa webhook: not a Zalo OA event, refused');
      return answer(res, 400, { error: 'malformed event' });
    }
    if (event.appId !== oa.appId || ('oaId' in event && event.oaId !== oa.oaId)) {
      ports.log.warn(
        { event: event.eventName, appId: event.appId },
        'zalo oa webhook: event for another app or OA, refused',
      );
      return answer(res, 403, { error: 'unknown app or OA' });
    }
    const signature = req.headers['x-zevent-signature'];
    if (
      !verifyOaSignature(
        raw,
        typeof signature === 'string' ? signature : undefined,
        event.appId,
        event.timestamp,
        oa.oaSecretKey,
      )
    ) {
      ports.log.warn({ event: event.eventName }, 'zalo oa webhook: bad or missing signature, refused');
      return answer(res, 401, { error: 'bad signature' });
    }
    await inbox.put(OA_INBOX, event);
    answer(res, 200, { message: 'Success' });
  };
}

/** Where the OA webhook stores the events it receives. */
export const OA_INBOX = 'zalo-oa';

/** Handles the events the OA webhook stored: concurrently across people, in order for each. */
export function handleOaWebhookEvents(ports: AdapterPorts, oa: OaChannel, inbox: Inbox): InboxConsumer {
  return inbox.consume(OA_INBOX, (event) => handleOaEvent(ports, oa, event as OaEvent));
}

async function handleOaEvent(ports: AdapterPorts, oa: OaChannel, e: OaEvent): Promise<void> {
  if (e.kind === 'unfollow') {
    await oa.onUnfollow(e.userId);
    return;
  }
  if (e.kind === 'ignored' || e.kind === 'echo') return;
  await inChatOrder(e.userId, async () => {
    const event = fromOaEvent(e, await displayName(ports, oa, e.userId));
    if (event) await answerZaloEvent(ports, event, oa.sender);
  });
}

/** OA events carry no name: it is asked once a day per person (best effort: unknown stays ''). */
async function displayName(ports: AdapterPorts, oa: OaChannel, userId: string): Promise<string> {
  const key = `zalo:name:${userId}`;
  const cached = await oa.redis.get(key);
  if (cached !== null) return cached;
  const name = await oa.api.userDetail(userId).then(
    (d) => d.displayName,
    (err: unknown) => {
      ports.log.warn({ err }, 'zalo oa: could not read the person’s display name');
      return '';
    },
  );
  await oa.redis.set(key, name, 'EX', NAME_TTL_SECONDS);
  return name;
}
