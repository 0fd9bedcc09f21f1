import type { BotMessage, FakeGroup, FakeTelegram, FakeUser } from './fakes/telegram-server.js';
import type { FakeZaloOaUser, OaOutbound } from './fakes/zalo-server.js';

export const PANE_IDS = ['zalo', 'telegram', 'team', 'officer'] as const;
export type PaneId = (typeof PANE_IDS)[number];

export interface ChatButton {
  text: string;
  /** What pressing sends back: callback data (Telegram), the OA button's payload or the choice's number (Zalo). */
  data: string;
  url?: string;
}

/** One message of a pane as the page draws it. */
export interface ChatMessage {
  /** The bot message's id in its chat (for press and reply); absent for the person's own messages. */
  id?: string;
  from: 'bot' | 'me';
  kind: 'text' | 'photo' | 'document' | 'buttons' | 'request_info';
  text: string;
  /** Telegram: the message as sent with parse_mode HTML (b, i, code, a ...); the page keeps only those tags. */
  html?: string;
  /** Telegram inline keyboard rows, or the OA's buttons (one per row). */
  buttons: ChatButton[][];
  /** Zalo: numbered choices at the end of the text, answered by typing the number. */
  choices: ChatButton[];
  /** A picture the page can show (a chart the bot uploaded). */
  image?: string;
  replyTo?: string;
  at: number;
}

export interface PaneView {
  id: PaneId;
  messenger: 'zalo' | 'telegram';
  messages: ChatMessage[];
  /** Telegram's reply keyboard under the input, when the latest message set one. */
  keyboard: { text: string; contact: boolean }[][];
}

/** What the person typed or sent, placed after the bot messages that existed then. */
interface Sent {
  after: number;
  replyTo?: string;
  kind: ChatMessage['kind'];
  text: string;
  at: number;
}

/** A chat the page drives: the person's side of a conversation with the real bot through a fake messenger. */
export interface Pane {
  readonly id: PaneId;
  view(): PaneView;
  send(text: string, replyTo?: string): Promise<void>;
  press(messageId: string, data: string): Promise<void>;
  sendPhoto(caption?: string, replyTo?: string): Promise<void>;
  shareContact(): Promise<void>;
  /** A picture of a bot message (a chart), or null. */
  image(messageId: string): Buffer | null;
}

const CHOICE_LINE = /^(\d{1,2})\. (.+)$/;
/** The hint under numbered choices: choose now, or once the question left open is answered. */
const CHOICE_HINT = /^\(.*([Gg]õ số để chọn( ở đây)?|[Tt]ype a number to choose( here)?)\.\)$/;

/** The numbered choices ending a Zalo text ("1. Tiếng Việt" ... then the hint). */
export function numberedChoices(text: string): ChatButton[] {
  const lines = text.split('\n');
  if (!CHOICE_HINT.test(lines.at(-1) ?? '')) return [];
  const choices: ChatButton[] = [];
  for (let i = lines.length - 2; i >= 0; i--) {
    const m = CHOICE_LINE.exec(lines[i]!);
    if (!m) break;
    choices.unshift({ text: m[2]!, data: m[1]! });
  }
  return choices;
}

function merge(bot: (ChatMessage & { seq: number })[], sent: Sent[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  let s = 0;
  for (const m of bot) {
    while (s < sent.length && sent[s]!.after < m.seq) out.push(ownMessage(sent[s++]!));
    const { seq: _seq, ...message } = m;
    out.push(message);
  }
  while (s < sent.length) out.push(ownMessage(sent[s++]!));
  return out;
}

const ownMessage = (s: Sent): ChatMessage => ({
  from: 'me',
  kind: s.kind,
  text: s.text,
  buttons: [],
  choices: [],
  at: s.at,
  ...(s.replyTo ? { replyTo: s.replyTo } : {}),
});

/** Telegram: a private chat (`user`), or a group where `user` speaks. */
export class TelegramPane implements Pane {
  private readonly sent: Sent[] = [];

  constructor(
    readonly id: PaneId,
    private readonly tg: FakeTelegram,
    private readonly user: FakeUser,
    private readonly group: FakeGroup | null,
    private readonly now: () => number,
  ) {}

  private transcript(): BotMessage[] {
    return this.group ? this.group.transcript : this.user.transcript;
  }

  private message(id: string): BotMessage {
    const found = this.transcript().find((m) => String(m.message_id) === id);
    if (!found) throw new ChatError(`no bot message ${id} in this chat`);
    return found;
  }

  view(): PaneView {
    const messages = this.transcript();
    const bot = messages.map((m) => ({
      seq: m.message_id,
      id: String(m.message_id),
      from: 'bot' as const,
      kind: m.kind,
      text: m.plainText,
      ...(m.parse_mode === 'HTML' && m.text !== undefined
        ? { html: m.text }
        : m.parse_mode === 'HTML' && m.caption !== undefined
          ? { html: m.caption }
          : {}),
      buttons: m.inlineButtons.map((row) =>
        row.map((b) => ({ text: b.text, data: b.callback_data ?? '', ...(b.url ? { url: b.url } : {}) })),
      ),
      choices: [],
      ...(m.upload ? { image: `/playground/api/image?pane=${this.id}&id=${m.message_id}` } : {}),
      ...(m.reply_to_message_id ? { replyTo: String(m.reply_to_message_id) } : {}),
      at: m.date * 1000,
    }));
    // The reply keyboard the latest message that set or removed one left under the input.
    const last = [...messages].reverse().find((m) => m.replyKeyboard || m.removedKeyboard);
    const keyboard =
      last?.replyKeyboard?.map((row) => row.map((b) => ({ text: b.text, contact: b.request_contact === true }))) ?? [];
    return { id: this.id, messenger: 'telegram', messages: merge(bot, this.sent), keyboard };
  }

  private record(kind: ChatMessage['kind'], text: string, replyTo?: BotMessage): void {
    const after = Math.max(0, ...this.transcript().map((m) => m.message_id));
    this.sent.push({ after, kind, text, at: this.now(), ...(replyTo ? { replyTo: String(replyTo.message_id) } : {}) });
  }

  async send(text: string, replyTo?: string): Promise<void> {
    const target = replyTo ? this.message(replyTo) : null;
    this.record('text', text, target ?? undefined);
    if (this.group) await (target ? this.group.replyTo(this.user, target, text) : this.group.send(this.user, text));
    else await (target ? this.user.replyTo(target, text) : this.user.send(text));
  }

  async press(messageId: string, data: string): Promise<void> {
    const message = this.message(messageId);
    if (this.group) await this.group.press(this.user, message, data);
    else await this.user.press(message, data);
  }

  async sendPhoto(caption?: string, replyTo?: string): Promise<void> {
    // In a group the bot hears only replies to its messages (privacy mode): a photo answers the latest one.
    const target = replyTo ? this.message(replyTo) : this.group ? this.transcript().at(-1) : undefined;
    if (this.group && !target) throw new ChatError('nothing to reply to in this group yet');
    this.record('photo', caption ?? '', target);
    const opts = caption ? { caption } : {};
    if (this.group) await this.group.replyWithPhoto(this.user, target!, opts);
    else await (target ? this.user.replyWithPhoto(target, opts) : this.user.sendPhoto(opts));
  }

  async shareContact(): Promise<void> {
    if (this.group) throw new ChatError('contacts are shared in a private chat');
    this.record('text', '📱');
    await this.user.shareContact();
  }

  image(messageId: string): Buffer | null {
    return this.transcript().find((m) => String(m.message_id) === messageId)?.upload?.bytes ?? null;
  }

  /** The bot may write first to people who opened it before (the playground's staff). */
  opened(): void {
    this.tg.openPrivateChat(this.user);
  }
}

/** Zalo: a follower of the union's OA. */
export class ZaloOaPane implements Pane {
  readonly id: PaneId = 'zalo';
  private readonly sent: Sent[] = [];

  constructor(
    private readonly user: FakeZaloOaUser,
    private readonly now: () => number,
  ) {}

  private static view(o: OaOutbound, index: number): ChatMessage & { seq: number } {
    const text = o.kind === 'request_user_info' ? `${o.request!.title}\n${o.request!.subtitle}` : (o.text ?? '');
    const kind =
      o.kind === 'image'
        ? 'photo'
        : o.kind === 'file'
          ? 'document'
          : o.kind === 'request_user_info'
            ? 'request_info'
            : o.kind;
    return {
      seq: index + 1,
      id: o.messageId,
      from: 'bot',
      kind,
      text: o.kind === 'file' ? `📎 ${o.file?.name ?? ''}` : text,
      buttons: (o.buttons ?? []).map((b) => [{ text: b.title, data: b.payload }]),
      choices: o.buttons?.length ? [] : numberedChoices(text),
      ...(o.quoteMessageId ? { replyTo: o.quoteMessageId } : {}),
      at: o.sentAt,
    };
  }

  view(): PaneView {
    return {
      id: this.id,
      messenger: 'zalo',
      messages: merge(
        this.user.inbox.map((o, i) => ZaloOaPane.view(o, i)),
        this.sent,
      ),
      keyboard: [],
    };
  }

  private record(kind: ChatMessage['kind'], text: string, replyTo?: string): void {
    this.sent.push({ after: this.user.inbox.length, kind, text, at: this.now(), ...(replyTo ? { replyTo } : {}) });
  }

  async send(text: string, replyTo?: string): Promise<void> {
    this.record('text', text, replyTo);
    await (replyTo ? this.user.quoteReply(replyTo, text) : this.user.send(text));
  }

  async press(messageId: string, data: string): Promise<void> {
    const message = this.user.inbox.find((m) => m.messageId === messageId);
    if (!message) throw new ChatError(`no OA message ${messageId}`);
    const button = message.buttons?.find((b) => b.payload === data);
    if (button) {
      this.record('text', button.title);
      await this.user.tap(data);
      return;
    }
    // A numbered choice: on Zalo the person types its number.
    if (!numberedChoices(message.text ?? '').some((c) => c.data === data))
      throw new ChatError(`message ${messageId} offers no choice ${data}`);
    await this.send(data);
  }

  async sendPhoto(caption?: string, replyTo?: string): Promise<void> {
    this.record('photo', caption ?? '', replyTo);
    await this.user.sendImage(caption, replyTo);
  }

  async shareContact(): Promise<void> {
    this.record('request_info', this.user.phone);
    await this.user.submitInfo();
  }

  image(): Buffer | null {
    return null;
  }
}

/** A request the person could not make in the real messenger (a button that is gone, nothing to reply to). */
export class ChatError extends Error {}
