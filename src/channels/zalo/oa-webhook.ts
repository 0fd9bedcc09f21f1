import { jsonOf } from '../http.js';
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The OA webhook: `X-ZEvent-Signature: mac=<hex sha256(app_id + raw body + timestamp + OA secret key)>`
 * (a plain hash over the concatenation, not an HMAC), and the events it carries (zalo.md §1.2).
 * Ids and timestamps are strings and stay strings.
 */

/**
 * `appId` and `timestamp` are the string fields of the body itself; `rawBody` must be the bytes as
 * received (re-serialised JSON does not hash the same).
 */
export function verifyOaSignature(
  rawBody: Buffer | string,
  header: string | undefined,
  appId: string,
  timestamp: string,
  secret: string,
): boolean {
  if (header === undefined) return false;
  const body = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
  const expected = Buffer.from(
    `mac=${createHash('sha256')
      .update(appId + body + timestamp + secret, 'utf8')
      .digest('hex')}`,
  );
  const given = Buffer.from(header.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface OaAttachment {
  type: string;
  url: string | null;
  name: string | null;
  /** As Zalo sent it; seen both as a number and as a string. */
  size: string | null;
  fileType: string | null;
}

interface OaEventBase {
  appId: string;
  eventName: string;
  /** Epoch ms, as the string Zalo sent. */
  timestamp: string;
  userIdByApp: string | null;
}

interface UserMessage extends OaEventBase {
  userId: string;
  oaId: string;
  msgId: string;
  /** The text, or the caption of a media message; '' when none. */
  text: string;
  quoteMsgId: string | null;
  attachments: OaAttachment[];
}

export type OaEvent =
  | (UserMessage & { kind: 'text' })
  | (UserMessage & { kind: 'image' })
  | (UserMessage & { kind: 'file' })
  | (UserMessage & { kind: 'sticker' })
  /** user_send_link / audio / video / location / gif / business_card */
  | (UserMessage & { kind: 'other_message' })
  | (OaEventBase & { kind: 'follow' | 'unfollow'; userId: string; oaId: string; source: string | null })
  | (OaEventBase & {
      kind: 'user_submit_info';
      userId: string;
      oaId: string;
      info: { name: string | null; phone: string | null };
    })
  /** oa_send_*: the OA's own message (ours, or an agent's in the OA chat). */
  | (OaEventBase & { kind: 'echo'; userId: string; oaId: string; msgId: string })
  /** Anything else (receipts, tags, ZNS, group events). */
  | (OaEventBase & { kind: 'ignored' });

const Str = z.string().min(1);

const Base = z.object({
  app_id: Str,
  event_name: Str,
  timestamp: Str,
  user_id_by_app: z.string().nullish(),
});

const Attachment = z.object({
  type: z.string(),
  payload: z
    .object({
      url: z.string().nullish(),
      name: z.string().nullish(),
      size: z.union([z.string(), z.number()]).transform(String).nullish(),
      type: z.string().nullish(),
    })
    .nullish()
    .transform((p) => p ?? {}),
});

const MessageEvent = z.object({
  sender: z.object({ id: Str }),
  recipient: z.object({ id: Str }),
  message: z.object({
    msg_id: Str,
    text: z.string().nullish(),
    quote_msg_id: z.string().nullish(),
    attachments: z
      .array(Attachment)
      .nullish()
      .transform((a) => a ?? []),
  }),
});

const MembershipEvent = z.object({ oa_id: Str, follower: z.object({ id: Str }), source: z.string().nullish() });

const SubmitInfoEvent = z.object({
  sender: z.object({ id: Str }),
  recipient: z.object({ id: Str }),
  info: z.object({ name: z.string().nullish(), phone: z.string().nullish() }),
});

const EchoEvent = z.object({
  sender: z.object({ id: Str }),
  recipient: z.object({ id: Str }),
  message: z.object({ msg_id: Str }),
});

const MESSAGE_KINDS: Record<string, 'text' | 'image' | 'file' | 'sticker' | 'other_message'> = {
  user_send_text: 'text',
  user_send_image: 'image',
  user_send_file: 'file',
  user_send_sticker: 'sticker',
  user_send_gif: 'other_message',
  // A pasted link is text to us: the link (and what was typed with it) is what the person wrote.
  user_send_link: 'text',
  user_send_audio: 'other_message',
  user_send_video: 'other_message',
  user_send_location: 'other_message',
  user_send_business_card: 'other_message',
};

/**
 * The event in a webhook body, or null when the body is not a well-formed Zalo OA event. Check
 * `appId` against ours and the signature (with this event's appId and timestamp) before trusting it.
 */
export function parseOaEvent(rawBody: Buffer | string): OaEvent | null {
  const json = jsonOf(rawBody);
  if (json === undefined) return null;
  const base = Base.safeParse(json);
  if (!base.success) return null;
  const common: OaEventBase = {
    appId: base.data.app_id,
    eventName: base.data.event_name,
    timestamp: base.data.timestamp,
    userIdByApp: base.data.user_id_by_app || null,
  };
  return eventOf(common, json);
}

function eventOf(common: OaEventBase, json: unknown): OaEvent | null {
  const name = common.eventName;
  const messageKind = MESSAGE_KINDS[name];
  if (messageKind) {
    const e = MessageEvent.safeParse(json);
    if (!e.success) return null;
    const { sender, recipient, message } = e.data;
    return {
      ...common,
      kind: messageKind,
      userId: sender.id,
      oaId: recipient.id,
      msgId: message.msg_id,
      text: message.text || (name === 'user_send_link' ? (message.attachments[0]?.payload.url ?? '') : ''),
      quoteMsgId: message.quote_msg_id || null,
      attachments: message.attachments.map(({ type, payload }) => ({
        type,
        url: payload.url ?? null,
        name: payload.name ?? null,
        size: payload.size ?? null,
        fileType: payload.type ?? null,
      })),
    };
  }
  if (name === 'follow' || name === 'unfollow') {
    const e = MembershipEvent.safeParse(json);
    return e.success
      ? { ...common, kind: name, userId: e.data.follower.id, oaId: e.data.oa_id, source: e.data.source ?? null }
      : null;
  }
  if (name === 'user_submit_info') {
    const e = SubmitInfoEvent.safeParse(json);
    if (!e.success) return null;
    const { name: personName, phone } = e.data.info;
    return {
      ...common,
      kind: 'user_submit_info',
      userId: e.data.sender.id,
      oaId: e.data.recipient.id,
      info: { name: personName || null, phone: phone || null },
    };
  }
  if (name.startsWith('oa_send_') && !name.startsWith('oa_send_group_')) {
    // Sender and recipient are swapped on echoes: sender = OA.
    const e = EchoEvent.safeParse(json);
    return e.success
      ? { ...common, kind: 'echo', userId: e.data.recipient.id, oaId: e.data.sender.id, msgId: e.data.message.msg_id }
      : null;
  }
  return { ...common, kind: 'ignored' };
}
