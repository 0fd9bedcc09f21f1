import type { Channel } from './channel.js';

/** A file the person sent, as the messenger describes it; the file itself stays on the messenger. */
export interface InboundAttachment {
  kind: 'photo' | 'document';
  fileId: string;
  fileUniqueId: string | null;
  fileName: string | null;
  mimeType: string | null;
  size: number | null;
  width: number | null;
  height: number | null;
}

export type InboundPayload =
  | { kind: 'text'; text: string }
  | { kind: 'command'; command: string; args: string }
  | { kind: 'button'; data: string }
  | { kind: 'contact'; phone: string; ownContact: boolean }
  | { kind: 'media'; attachment: InboundAttachment; caption: string }
  | { kind: 'unsupported' }
  /** A group chat got a new id (a Telegram group upgraded to a supergroup): its service message. */
  | { kind: 'chat_moved'; fromChatId: string; toChatId: string }
  /** Other service messages (members joined or left, a pin, a new title): nothing to answer. */
  | { kind: 'service' };

/** One thing a person did in a chat, the same shape whichever messenger it came from. */
export interface InboundEvent {
  channel: Channel;
  /** Unique per messenger update: used to process each update once. */
  eventId: string;
  userId: string;
  chatId: string;
  chatType: 'private' | 'group';
  /** The messenger's id of this message (of the pressed button's message, for a button). */
  messageId: string | null;
  /** The message this one replies to, when the person used the messenger's reply. */
  replyToMessageId: string | null;
  /** Whether that message is the bot's own (known on Telegram; unset where the messenger does not say). */
  replyToBot?: boolean;
  chatTitle: string | null;
  profile: { name: string; languageCode: string | null };
  payload: InboundPayload;
}

const nfc = (s: string): string => s.normalize('NFC');

function payloadNfc(p: InboundPayload): InboundPayload {
  switch (p.kind) {
    case 'text':
      return { ...p, text: nfc(p.text) };
    case 'command':
      return { ...p, args: nfc(p.args) };
    case 'media':
      return {
        ...p,
        caption: nfc(p.caption),
        attachment: { ...p.attachment, fileName: p.attachment.fileName === null ? null : nfc(p.attachment.fileName) },
      };
    default:
      return p;
  }
}

/**
 * Some clients send Vietnamese decomposed (NFD): "ệ" as e + two marks. Everything a person sends,
 * their profile name included, is stored composed (NFC), so it compares, searches and counts alike.
 */
export function eventNfc(event: InboundEvent): InboundEvent {
  return {
    ...event,
    chatTitle: event.chatTitle === null ? null : nfc(event.chatTitle),
    profile: { ...event.profile, name: nfc(event.profile.name) },
    payload: payloadNfc(event.payload),
  };
}
