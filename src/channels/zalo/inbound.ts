import type { InboundEvent, InboundPayload } from '../../core/event.js';
import type { ZaloBotUpdate } from './bot-update.js';
import { BUTTON_PAYLOAD_PREFIX } from './choices.js';
import type { OaEvent } from './oa-webhook.js';

/** "/submit", "/reply SK-2026-000001 ok" → a command, as Telegram would have marked it. */
function textPayload(text: string): InboundPayload {
  if (text.startsWith(BUTTON_PAYLOAD_PREFIX)) return { kind: 'button', data: text.slice(BUTTON_PAYLOAD_PREFIX.length) };
  const command = /^\/([a-z]+)(?:\s+([\s\S]*))?$/i.exec(text.trim());
  if (command) return { kind: 'command', command: command[1]!.toLowerCase(), args: (command[2] ?? '').trim() };
  return { kind: 'text', text };
}

const photo = (url: string, caption: string): InboundPayload => ({
  kind: 'media',
  attachment: {
    kind: 'photo',
    fileId: url,
    fileUniqueId: null,
    fileName: null,
    mimeType: null,
    size: null,
    width: null,
    height: null,
  },
  caption,
});

function oaPayload(e: Extract<OaEvent, { msgId: string; text: string }>): InboundPayload {
  const first = e.attachments[0];
  if (e.kind === 'text') return textPayload(e.text);
  if (e.kind === 'image' && first?.url) return photo(first.url, e.text);
  if (e.kind === 'file' && first?.url) {
    const size = first.size === null ? null : Number(first.size);
    return {
      kind: 'media',
      attachment: {
        kind: 'document',
        fileId: first.url,
        fileUniqueId: null,
        fileName: first.name,
        mimeType: first.fileType,
        size: Number.isFinite(size) ? size : null,
        width: null,
        height: null,
      },
      caption: e.text,
    };
  }
  return { kind: 'unsupported' };
}

/**
 * An OA webhook event as the handlers see it. The OA writes to a person by their user id, so that is
 * the chat. The form answering a phone request is the person's own verified number, like Telegram's
 * contact button; following the OA starts the conversation. Null for events that ask nothing of us.
 */
export function fromOaEvent(e: OaEvent, name: string): InboundEvent | null {
  const base = {
    channel: 'zalo' as const,
    userId: e.kind === 'ignored' ? '' : e.userId,
    chatType: 'private' as const,
    chatTitle: null,
    profile: { name, languageCode: null },
  };
  switch (e.kind) {
    case 'text':
    case 'image':
    case 'file':
    case 'sticker':
    case 'other_message':
      return {
        ...base,
        eventId: `oa:${e.msgId}`,
        chatId: e.userId,
        messageId: e.msgId,
        replyToMessageId: e.quoteMsgId,
        payload: oaPayload(e),
      };
    case 'user_submit_info':
      if (!e.info.phone) return null;
      return {
        ...base,
        eventId: `oa-info:${e.userId}:${e.timestamp}`,
        chatId: e.userId,
        messageId: null,
        replyToMessageId: null,
        payload: { kind: 'contact', phone: e.info.phone, ownContact: true },
      };
    case 'follow':
      return {
        ...base,
        eventId: `oa-follow:${e.userId}:${e.timestamp}`,
        chatId: e.userId,
        messageId: null,
        replyToMessageId: null,
        payload: { kind: 'command', command: 'start', args: '' },
      };
    default:
      return null;
  }
}

/**
 * A Bot Platform update as the handlers see it; null when Zalo withheld the content (a sender in a
 * protected group): there is nothing to answer, and "send text instead" would be wrong for them.
 */
export function fromBotUpdate(u: ZaloBotUpdate): InboundEvent | null {
  const m = u.message;
  if (!m || u.eventName === 'message.unsupported.received') return null;
  const payload: InboundPayload =
    u.eventName === 'message.text.received' && m.text !== null
      ? textPayload(m.text)
      : u.eventName === 'message.image.received' && m.photoUrl
        ? photo(m.photoUrl, m.caption ?? '')
        : { kind: 'unsupported' };
  return {
    channel: 'zalo',
    eventId: `bot:${m.messageId}`,
    userId: m.from.id,
    chatId: m.chatId,
    chatType: m.chatType === 'GROUP' ? 'group' : 'private',
    messageId: m.messageId,
    replyToMessageId: null,
    chatTitle: null,
    profile: { name: m.from.displayName, languageCode: null },
    payload,
  };
}
