import type { Locale } from './channel.js';
import type { Msg } from './i18n.js';
import type { InboundEvent } from './event.js';

/** One child unit's bar in a progress chart. */
export interface ChartBar {
  label: string;
  actual: number;
  target: number;
}

/** A progress chart, drawn when sent: the child units' chart or the unit's weekly trend. */
export type ChartSpec = UnitsChartSpec | TrendChartSpec;

/** Child units' actual against target, with the pace mark. */
export interface UnitsChartSpec {
  kind: 'units';
  title: string;
  bars: ChartBar[];
  /** Share of the target a steady pace expects by now. */
  paceRatio: number;
  lagThreshold: number;
}

/** One campaign week of the trend chart. */
export interface TrendWeek {
  /** The week's last day as shown on the axis, e.g. "22/11". */
  label: string;
  /** Initiatives so far at the week's end; null for weeks still to come. */
  actual: number | null;
  /** What the phase-deadline pace expects by the week's end. */
  pace: number;
}

/** The unit's initiatives so far, week by week, against its target and the phase-deadline pace. */
export interface TrendChartSpec {
  kind: 'trend';
  title: string;
  target: number;
  weeks: TrendWeek[];
}

/** A file the bot made (an export), carried in the reply itself: base64, so a queued reply stays JSON. */
export interface ReplyFile {
  name: string;
  mimeType: string;
  base64: string;
  /**
   * The same document in other formats, for a messenger that does not take this one: each sends the first
   * it can (the Zalo OA takes PDF and Word files only).
   */
  alternatives?: Omit<ReplyFile, 'alternatives'>[];
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
  /** Files the bot made, sent as documents after the text. */
  files?: ReplyFile[];
  /** Sent as pictures after the text, in order. */
  charts?: ChartSpec[];
  /** Sent as a reply to this message of the same chat. */
  replyToMessageId?: string;
  /**
   * Where choices are typed as numbers (Zalo), for a message the bot sends of its own accord (a ping, a
   * nudge): the number its first choice takes (its choices have numbers of their own in the chat, so none
   * is the number of another pending question), and whether the person has a question open to answer first.
   */
  numbering?: { from: number; afterQuestion: boolean };
  /** No preview of the link in the text (a one-time login link must not be fetched by the messenger). */
  noLinkPreview?: boolean;
}

export interface HandleResult {
  replies: Reply[];
  /** Language to render the replies in (it may have just changed). */
  locale: Locale;
  /** A short notice for the pressed button (Telegram shows it as a toast). */
  buttonNotice?: Msg;
  /** The pressed button's message is done with: its buttons can be removed. */
  closeButtons?: boolean;
  /** Handling failed and stored nothing (the replies apologise): the update is not done, a resend tries again. */
  failed?: boolean;
}

export const reply = (parts: Msg | Msg[], extra: Omit<Reply, 'parts'> = {}): Reply => ({
  parts: Array.isArray(parts) ? parts : [parts],
  ...extra,
});

/** What the handlers give an adapter for one event: the answer, or null for an update already handled. */
export type EventHandler = (event: InboundEvent) => Promise<HandleResult | null>;
