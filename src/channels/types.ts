import type { Channel } from '../models/channel-account.model.js';
import type { Msg } from '../i18n.js';
import type { ChartBar } from '../charts/progress-chart.js';

export type { Channel };

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

/** A progress chart (child units' actual against target, with the pace mark), drawn when sent. */
export interface ChartSpec {
  title: string;
  bars: ChartBar[];
  /** Share of the target a steady pace expects by now. */
  paceRatio: number;
  lagThreshold: number;
}

export interface Button {
  label: Msg;
  data: string;
}

/** One message to send back, still in locale keys; each channel adapter renders it its own way. */
export interface Reply {
  parts: Msg[];
  buttons?: Button[][];
  /** A one-tap "share my phone number" keyboard (Telegram contact button), or removing it again. */
  keyboard?: { kind: 'contact'; share: Msg; skip: Msg } | { kind: 'remove' } | { kind: 'force_reply' };
  /** Files re-sent after the text, by the messenger's own file ids. */
  attachments?: { kind: 'photo' | 'document'; fileId: string }[];
  /** Caption of each file; where replies exist the files also reply to this reply's first message (its thread). */
  attachmentCaption?: Msg;
  /** Sent as a picture after the text. */
  chart?: ChartSpec;
  /** Sent as a reply to this message of the same chat. */
  replyToMessageId?: string;
}

export interface HandleResult {
  replies: Reply[];
  /** Language to render the replies in (it may have just changed). */
  locale: 'vi' | 'en';
  /** A short notice for the pressed button (Telegram shows it as a toast). */
  buttonNotice?: Msg;
  /** The pressed button's message is done with: its buttons can be removed. */
  closeButtons?: boolean;
}

export const reply = (parts: Msg | Msg[], extra: Omit<Reply, 'parts'> = {}): Reply => ({
  parts: Array.isArray(parts) ? parts : [parts],
  ...extra,
});
