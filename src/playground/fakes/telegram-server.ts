/**
 * A local fake of the Telegram Bot API for end-to-end tests.
 *
 * The real grammY client talks to it over HTTP. Every method validates its
 * parameters and fails with the codes and wording of the real Bot API, so a bot
 * that passes here has not merely passed a fake that accepts anything.
 *
 * Deliberately stricter than Telegram in one place: a bare "&" in HTML text is
 * rejected. Telegram's documentation requires escaping it; the real server
 * happens to tolerate it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type {
  Chat,
  ChatMember,
  Document,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  PhotoSize,
  Sticker,
  User,
  UserFromGetMe,
  Voice,
} from 'grammy/types';

// ─── Public types ────────────────────────────────────────────────────────────

export interface RateLimits {
  privatePerSecond: number;
  privateBurst: number;
  groupPerMinute: number;
  globalPerSecond: number;
}

export interface FakeTelegramOptions {
  token?: string;
  botUsername?: string;
  /** Millisecond clock for rate limits and message dates. */
  now?: () => number;
  rateLimits?: RateLimits | false;
}

export interface ApiCall {
  /** Canonical method name ('sendMessage'), whatever case the bot used. */
  method: string;
  params: Record<string, unknown>;
  ok: boolean;
  result?: unknown;
  errorCode?: number;
  description?: string;
  /** The fake clock when the call was answered. */
  at: number;
}

export interface InlineButtonView {
  text: string;
  callback_data?: string;
  url?: string;
}

export interface ReplyButtonView {
  text: string;
  request_contact?: boolean;
}

export interface BotMessage {
  message_id: number;
  chat_id: number;
  date: number;
  kind: 'text' | 'photo' | 'document';
  /** As sent, with HTML markup if parse_mode was HTML. */
  text?: string;
  /** Text or caption without markup and with entities decoded: what the person reads. */
  plainText: string;
  caption?: string;
  parse_mode?: string;
  file_id?: string;
  /** The file the bot uploaded with this message (multipart), as received. */
  upload?: { fileName: string; bytes: Buffer };
  /** Current markup, after editMessageReplyMarkup / editMessageText. */
  reply_markup?: unknown;
  reply_to_message_id?: number;
  /** [] when none. */
  inlineButtons: InlineButtonView[][];
  replyKeyboard?: ReplyButtonView[][];
  removedKeyboard?: boolean;
  edits: number;
}

export interface FailNextOptions {
  method: string;
  code: 429 | 403 | 400 | 500 | 502;
  retryAfter?: number;
  description?: string;
  times?: number;
  chatId?: number;
}

export interface FakeUser {
  readonly id: number;
  /** Same as id: a private chat has the id of the person. */
  readonly chatId: number;
  readonly info: User;
  /** Each action builds a real Update, delivers it and resolves once the bot has handled it. */
  send(text: string): Promise<void>;
  sendPhoto(opts?: { caption?: string }): Promise<void>;
  sendDocument(opts: { fileName: string; mimeType: string; size?: number; caption?: string }): Promise<void>;
  sendSticker(): Promise<void>;
  sendVoice(): Promise<void>;
  shareContact(opts?: { phone?: string; ofUserId?: number }): Promise<void>;
  /** Presses an inline button (by text or callback_data) that the message has right now. */
  press(message: BotMessage, button: string): Promise<void>;
  /** Presses the button on the latest bot message in this private chat that has it. */
  pressLatest(button: string): Promise<void>;
  /** Replies (in the chat of the message, normally the private chat) to a bot message. */
  replyTo(message: BotMessage, text: string): Promise<void>;
  /** Replies to a bot message with a new photo the fake knows: getFile and sendPhoto by its file_ids work. */
  replyWithPhoto(message: BotMessage, opts?: { caption?: string }): Promise<void>;
  /** Replies to a bot message with a new document the fake knows. */
  replyWithDocument(
    message: BotMessage,
    opts: { fileName: string; mimeType: string; size?: number; caption?: string },
  ): Promise<void>;
  /** Bot messages in this private chat sent since this user's last action. */
  readonly lastReplies: BotMessage[];
  readonly transcript: BotMessage[];
}

/**
 * A group with the bot in it. Every member action builds a real Update, delivers it and
 * resolves once the bot has handled it; it throws when `from` is not a member or the bot
 * was removed (the bot would hear nothing).
 */
export interface FakeGroup {
  readonly id: number;
  send(from: FakeUser, text: string): Promise<void>;
  /** A member presses an inline button (by text or callback_data) that a bot message of this group has right now. */
  press(from: FakeUser, message: BotMessage, button: string): Promise<void>;
  /** Presses the button on the latest bot message in this group that has it. */
  pressLatest(from: FakeUser, button: string): Promise<void>;
  /** A text reply to a bot message of this group: reply_to_message is filled as Telegram fills it. */
  replyTo(from: FakeUser, message: BotMessage, text: string): Promise<void>;
  replyWithPhoto(from: FakeUser, message: BotMessage, opts?: { caption?: string }): Promise<void>;
  replyWithDocument(
    from: FakeUser,
    message: BotMessage,
    opts: { fileName: string; mimeType: string; size?: number; caption?: string },
  ): Promise<void>;
  /** Bot messages in this group posted since the last action of any member in it. */
  readonly lastReplies: BotMessage[];
  readonly transcript: BotMessage[];
  /**
   * The bot is removed from the group: its sends, edits, deletions and chat actions there fail
   * with 403 "bot was kicked from the group chat" ("supergroup chat" for supergroups, as
   * Telegram words it), getChat fails the same way, and getChatMember reports the bot 'kicked'.
   * No my_chat_member update is delivered.
   */
  removeBot(): void;
  /** Undoes removeBot(); the bot keeps the administrator rights it had. */
  addBot(): void;
  addMember(user: FakeUser): void;
  /** The person joins the group: Telegram posts a `new_chat_members` service message, which the bot receives even in privacy mode. */
  join(user: FakeUser): Promise<void>;
  /** A member sends a sticker to the group (the bot receives it only in a group without privacy mode or as a reply; here always). */
  sendSticker(from: FakeUser): Promise<void>;
  /**
   * The group is upgraded to a supergroup, as Telegram does when an admin changes certain settings: a
   * new chat (id -100…) with the same members and the bot; every method on the old id then fails with
   * 400 "group chat was upgraded to a supergroup chat" and `parameters.migrate_to_chat_id`. With
   * `announce` (the default) the bot receives both service messages, `migrate_to_chat_id` in the old
   * group and `migrate_from_chat_id` in the new one, sent by `by`.
   */
  migrateToSupergroup(by: FakeUser, opts?: { announce?: boolean }): Promise<FakeGroup>;
}

// ─── Constants ───────────────────────────────────────────────────────────────

const DEFAULT_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const DEFAULT_BOT_USERNAME = 'sang_kien_test_bot';
export const DEFAULT_RATE_LIMITS: RateLimits = {
  privatePerSecond: 1,
  privateBurst: 5,
  groupPerMinute: 20,
  globalPerSecond: 30,
};
const DEFAULT_PHONE = '+84901234567';
const DEFAULT_WAIT_MS = 5000;
const MAX_TEXT_LENGTH = 4096;
const MAX_CAPTION_LENGTH = 1024;
const MAX_CALLBACK_ANSWER_LENGTH = 200;
const MAX_CALLBACK_DATA_BYTES = 64;
const MAX_INLINE_BUTTONS = 100;
const MAX_INLINE_BUTTONS_PER_ROW = 8;
/** getFile refuses files bigger than this. */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
const WEBHOOK_ATTEMPTS = 3;
const WEBHOOK_RETRY_DELAY_MS = 50;
/** Update types Telegram leaves out when allowed_updates is empty. */
const OPT_IN_UPDATE_TYPES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);
const PHOTO_WIDTHS = [90, 320, 1280];
const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);
const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
const BLOCKED = 'bot was blocked by the user';

// ─── Errors ──────────────────────────────────────────────────────────────────

/** A Bot API failure: becomes `{ ok: false, error_code, description, parameters }`. */
class TelegramError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after: number } | { migrate_to_chat_id: number },
  ) {
    super(description);
  }
}

const badRequest = (what: string) => new TelegramError(400, `Bad Request: ${what}`);
const forbidden = (what: string) => new TelegramError(403, `Forbidden: ${what}`);
const conflict = (what: string) => new TelegramError(409, `Conflict: ${what}`);
const tooManyRequests = (retryAfter: number) =>
  new TelegramError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });

function injectedError(f: FailNextOptions): TelegramError {
  switch (f.code) {
    case 429: {
      const retryAfter = f.retryAfter ?? 1;
      return new TelegramError(429, f.description ?? `Too Many Requests: retry after ${retryAfter}`, {
        retry_after: retryAfter,
      });
    }
    case 403:
      return new TelegramError(403, f.description ?? `Forbidden: ${BLOCKED}`);
    case 400:
      return new TelegramError(400, f.description ?? 'Bad Request: injected failure');
    case 500:
      return new TelegramError(500, f.description ?? 'Internal Server Error');
    case 502:
      return new TelegramError(502, f.description ?? 'Bad Gateway');
  }
}

// ─── Parameters ──────────────────────────────────────────────────────────────

type Params = Record<string, unknown>;

function parseParams<S extends z.ZodType>(schema: S, params: Params): z.output<S> {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? 'parameters');
  throw badRequest(
    params[field] === undefined
      ? `${field} is empty`
      : `invalid parameter "${issue?.path.join('.')}": ${issue?.message}`,
  );
}

const ChatId = z.union([z.number().int(), z.string()]);

/** chat_id may be a number or a numeric string ("@username" needs public chats, which this fake has none of). */
function toChatId(value: unknown): number | undefined {
  const id = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isInteger(id) ? id : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const nonEmpty = <T>(items: T[]) => (items.length > 0 ? items : undefined);

// ─── Formatted text (parse_mode) ─────────────────────────────────────────────

interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

const SIMPLE_TAGS = new Map<string, MessageEntity.CommonMessageEntity['type']>([
  ['b', 'bold'],
  ['strong', 'bold'],
  ['i', 'italic'],
  ['em', 'italic'],
  ['u', 'underline'],
  ['ins', 'underline'],
  ['s', 'strikethrough'],
  ['strike', 'strikethrough'],
  ['del', 'strikethrough'],
  ['tg-spoiler', 'spoiler'],
  ['span', 'spoiler'],
  ['code', 'code'],
]);
const TAGS_WITH_ARGUMENTS = new Set(['a', 'pre', 'blockquote', 'tg-emoji']);
const NAMED_REFERENCES = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
]);
const CHARACTER_REFERENCE = /&(?:([a-z]+)|#([0-9]+)|#x([0-9a-fA-F]+));/y;

interface OpenTag {
  name: string;
  attributes: Map<string, string>;
  /** Offset in the plain text where the tag's content starts. */
  start: number;
  language?: string;
}

const entityError = (what: string) => badRequest(`can't parse entities: ${what}`);

/** Parses Telegram's HTML subset into plain text and entities, failing where the Bot API fails. */
class HtmlParser {
  private pos = 0;
  private text = '';
  private readonly open: OpenTag[] = [];
  private readonly entities: MessageEntity[] = [];

  constructor(private readonly src: string) {}

  parse(): FormattedText {
    while (!this.atEnd()) {
      const char = this.src.charAt(this.pos);
      if (char === '<') {
        if (this.src.charAt(this.pos + 1) === '/') this.endTag();
        else this.startTag();
      } else if (char === '&') {
        this.text += this.characterReference();
      } else {
        this.text += char;
        this.pos++;
      }
    }
    const unclosed = this.open.at(-1);
    if (unclosed) throw entityError(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
    return { text: this.text, entities: this.entities.sort((a, b) => a.offset - b.offset || b.length - a.length) };
  }

  private startTag(): void {
    const begin = this.pos++;
    const name = this.take(/[^\s>]*/y).toLowerCase();
    if (this.atEnd()) throw entityError(`Unclosed start tag ${this.at(begin)}`);
    if (!SIMPLE_TAGS.has(name) && !TAGS_WITH_ARGUMENTS.has(name)) {
      throw entityError(`Unsupported start tag "${name}" ${this.at(begin)}`);
    }
    const attributes = this.attributes(name, begin);
    if (name === 'span' && attributes.get('class') !== 'tg-spoiler') {
      throw entityError(`Tag "span" must have class "tg-spoiler" ${this.at(begin)}`);
    }
    this.open.push({ name, attributes, start: this.text.length });
  }

  private attributes(tag: string, begin: number): Map<string, string> {
    const attributes = new Map<string, string>();
    for (;;) {
      this.take(/\s*/y);
      if (this.atEnd()) throw entityError(`Unclosed start tag ${this.at(begin)}`);
      if (this.src.charAt(this.pos) === '>') {
        this.pos++;
        return attributes;
      }
      const name = this.take(/[^\s=>]*/y).toLowerCase();
      if (name === '') throw entityError(`Empty attribute name in the tag "${tag}" ${this.at(begin)}`);
      this.take(/\s*/y);
      if (this.src.charAt(this.pos) !== '=') {
        if (tag === 'blockquote' && name === 'expandable') {
          attributes.set(name, '');
          continue;
        }
        throw entityError(`Expected equal sign in declaration of an attribute of the tag "${tag}" ${this.at(begin)}`);
      }
      this.pos++;
      this.take(/\s*/y);
      attributes.set(name, this.attributeValue(begin));
    }
  }

  private attributeValue(begin: number): string {
    const quote = this.src.charAt(this.pos);
    if (quote !== '"' && quote !== "'") return this.nameToken(begin);
    this.pos++;
    let value = '';
    while (!this.atEnd() && this.src.charAt(this.pos) !== quote) {
      value += this.src.charAt(this.pos) === '&' ? this.characterReference() : this.src.charAt(this.pos++);
    }
    if (this.atEnd()) throw entityError(`Unclosed start tag ${this.at(begin)}`);
    this.pos++;
    return value;
  }

  /** An unquoted attribute value: letters, digits, periods and hyphens, as in SGML. */
  private nameToken(begin: number): string {
    const start = this.pos;
    const token = this.take(/[A-Za-z0-9.-]*/y);
    if (this.atEnd()) throw entityError(`Unclosed start tag ${this.at(begin)}`);
    if (!/[\s>]/.test(this.src.charAt(this.pos))) throw entityError(`Unexpected end of name token ${this.at(start)}`);
    return token.toLowerCase();
  }

  private endTag(): void {
    const begin = this.pos;
    const tag = this.open.pop();
    if (!tag) throw entityError(`Unexpected end tag ${this.at(begin)}`);
    this.pos += 2;
    const name = this.take(/[^\s>]*/y).toLowerCase();
    this.take(/\s*/y);
    if (this.src.charAt(this.pos) !== '>') throw entityError(`Unclosed end tag ${this.at(begin)}`);
    this.pos++;
    if (name !== '' && name !== tag.name) {
      throw entityError(`Unmatched end tag ${this.at(begin)}, expected "</${tag.name}>", found "</${name}>"`);
    }
    this.closeEntity(tag);
  }

  private closeEntity(tag: OpenTag): void {
    const parent = this.open.at(-1);
    const language = /^language-(.+)$/.exec(tag.attributes.get('class') ?? '')?.[1];
    // <pre><code class="language-x">…</code></pre> is one pre entity with a language.
    if (tag.name === 'code' && parent?.name === 'pre' && language !== undefined) {
      parent.language = language;
      return;
    }
    const length = this.text.length - tag.start;
    const entity = length > 0 ? tagEntity(tag, tag.start, length) : undefined;
    if (entity) this.entities.push(entity);
  }

  /** "&lt;", "&#65;" or "&#x41;"; any other "&" must have been escaped. */
  private characterReference(): string {
    const begin = this.pos;
    const match = this.matchHere(CHARACTER_REFERENCE);
    const char = match ? decodeReference(match) : undefined;
    if (char !== undefined) return char;
    throw entityError(
      match
        ? `Unsupported character reference "${match[0]}" ${this.at(begin)}`
        : `Unescaped "&" ${this.at(begin)}; write it as "&amp;"`,
    );
  }

  private atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  /** Matches a sticky regex at the current position and moves past the match. */
  private matchHere(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    const match = re.exec(this.src);
    if (match) this.pos += match[0].length;
    return match;
  }

  private take(re: RegExp): string {
    return this.matchHere(re)?.[0] ?? '';
  }

  /** Telegram reports positions in UTF-8 bytes. */
  private at(index: number): string {
    return `at byte offset ${Buffer.byteLength(this.src.slice(0, index), 'utf8')}`;
  }
}

function decodeReference(match: RegExpExecArray): string | undefined {
  const [, name, decimal, hex] = match;
  if (name !== undefined) return NAMED_REFERENCES.get(name);
  const codePoint = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16);
  const isCharacter = codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
  return isCharacter ? String.fromCodePoint(codePoint) : undefined;
}

function tagEntity(tag: OpenTag, offset: number, length: number): MessageEntity | undefined {
  switch (tag.name) {
    case 'a': {
      const url = tag.attributes.get('href');
      return url ? { type: 'text_link', offset, length, url } : undefined;
    }
    case 'pre':
      return { type: 'pre', offset, length, language: tag.language };
    case 'blockquote':
      return { type: tag.attributes.has('expandable') ? 'expandable_blockquote' : 'blockquote', offset, length };
    case 'tg-emoji': {
      const id = tag.attributes.get('emoji-id');
      return id ? { type: 'custom_emoji', offset, length, custom_emoji_id: id } : undefined;
    }
    default: {
      const type = SIMPLE_TAGS.get(tag.name);
      return type && { type, offset, length };
    }
  }
}

/** Telegram strips leading and trailing whitespace from texts and captions. */
function trimmed({ text, entities }: FormattedText): FormattedText {
  const start = text.length - text.trimStart().length;
  const result = text.trim();
  const end = start + result.length;
  return {
    text: result,
    entities: entities.flatMap((e) => {
      const from = Math.max(e.offset, start);
      const to = Math.min(e.offset + e.length, end);
      return to > from ? [{ ...e, offset: from - start, length: to - from }] : [];
    }),
  };
}

function formatText(source: string, parseMode: string | undefined): FormattedText {
  const mode = (parseMode ?? '').toLowerCase();
  if (mode === '') return trimmed({ text: source, entities: [] });
  if (mode === 'html') return trimmed(new HtmlParser(source).parse());
  throw badRequest('unsupported parse_mode');
}

/** Message text: 1..4096 UTF-16 code units after markup is parsed. */
function checkedText(source: string | undefined, parseMode: string | undefined): FormattedText {
  const formatted = formatText(source ?? '', parseMode);
  if (formatted.text.length === 0) throw badRequest('message text is empty');
  if (formatted.text.length > MAX_TEXT_LENGTH) throw badRequest('message is too long');
  return formatted;
}

function checkedCaption(source: string | undefined, parseMode: string | undefined): FormattedText {
  if (source === undefined) return { text: '', entities: [] };
  const formatted = formatText(source, parseMode);
  if (formatted.text.length > MAX_CAPTION_LENGTH) throw badRequest('message caption is too long');
  return formatted;
}

function captionFields(caption: FormattedText): Pick<Message, 'caption' | 'caption_entities'> {
  return caption.text === '' ? {} : { caption: caption.text, caption_entities: nonEmpty(caption.entities) };
}

// ─── Reply markup ────────────────────────────────────────────────────────────

const InlineButtonSchema = z.object({
  text: z.string(),
  callback_data: z.string().optional(),
  url: z.string().optional(),
});
const ReplyButtonSchema = z.union([
  z.string(),
  z.object({ text: z.string(), request_contact: z.boolean().optional() }),
]);
const ReplyMarkupSchema = z.union([
  z.object({ inline_keyboard: z.array(z.array(InlineButtonSchema)) }),
  z.object({
    keyboard: z.array(z.array(ReplyButtonSchema)),
    resize_keyboard: z.boolean().optional(),
    one_time_keyboard: z.boolean().optional(),
    is_persistent: z.boolean().optional(),
    input_field_placeholder: z.string().optional(),
    selective: z.boolean().optional(),
  }),
  z.object({ remove_keyboard: z.literal(true), selective: z.boolean().optional() }),
  z.object({
    force_reply: z.literal(true),
    input_field_placeholder: z.string().optional(),
    selective: z.boolean().optional(),
  }),
]);

type ValidInlineButton = InlineKeyboardButton.CallbackButton | InlineKeyboardButton.UrlButton;

interface ParsedMarkup {
  raw: z.output<typeof ReplyMarkupSchema>;
  inline?: ValidInlineButton[][];
  keyboard?: ReplyButtonView[][];
  removesKeyboard?: boolean;
}

function parseReplyMarkup(value: unknown, { inlineOnly = false } = {}): ParsedMarkup | undefined {
  if (value === undefined) return undefined;
  // The Bot API also accepts the markup as a JSON-serialized string.
  const parsed = ReplyMarkupSchema.safeParse(typeof value === 'string' ? parseJson(value) : value);
  if (!parsed.success) throw badRequest("can't parse reply keyboard markup JSON object");
  const markup = parsed.data;
  if ('inline_keyboard' in markup) return { raw: markup, inline: validInlineKeyboard(markup.inline_keyboard) };
  if (inlineOnly) throw badRequest('inline keyboard expected');
  if ('keyboard' in markup) {
    return {
      raw: markup,
      keyboard: markup.keyboard.map((row) => row.map((b) => (typeof b === 'string' ? { text: b } : b))),
    };
  }
  return { raw: markup, removesKeyboard: 'remove_keyboard' in markup };
}

function validInlineKeyboard(rows: z.output<typeof InlineButtonSchema>[][]): ValidInlineButton[][] {
  const total = rows.reduce((n, row) => n + row.length, 0);
  if (total > MAX_INLINE_BUTTONS || rows.some((row) => row.length > MAX_INLINE_BUTTONS_PER_ROW)) {
    throw badRequest('reply markup is too long');
  }
  return rows.map((row) => row.map(validInlineButton));
}

function validInlineButton({ text, callback_data, url }: z.output<typeof InlineButtonSchema>): ValidInlineButton {
  if (text === '') throw badRequest('BUTTON_TEXT_INVALID');
  if (callback_data !== undefined && url !== undefined) {
    throw badRequest("can't parse inline keyboard button: exactly one of url and callback_data must be used");
  }
  if (url !== undefined) {
    if (!isButtonUrl(url)) throw badRequest('BUTTON_URL_INVALID');
    return { text, url };
  }
  if (callback_data === undefined) {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  const bytes = Buffer.byteLength(callback_data, 'utf8');
  if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest('BUTTON_DATA_INVALID');
  return { text, callback_data };
}

function isButtonUrl(url: string): boolean {
  try {
    return ['http:', 'https:', 'tg:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

function inlineMarkup(markup: ParsedMarkup | undefined): InlineKeyboardMarkup | undefined {
  return markup?.inline ? { inline_keyboard: markup.inline } : undefined;
}

// ─── Rate limits ─────────────────────────────────────────────────────────────

/**
 * A token bucket in its "generic cell rate" form: it tracks the time at which
 * the bucket would be full again, which stays exact with integer clocks.
 */
class Bucket {
  private fullAt = -Infinity;

  constructor(
    private readonly intervalMs: number,
    private readonly capacity: number,
  ) {}

  waitMs(now: number): number {
    return Math.max(0, this.fullAt - (this.capacity - 1) * this.intervalMs - now);
  }

  take(now: number): void {
    this.fullAt = Math.max(this.fullAt, now) + this.intervalMs;
  }
}

class RateLimiter {
  private readonly global: Bucket;
  private readonly perChat = new Map<number, Bucket>();

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number,
  ) {
    this.global = new Bucket(1000 / limits.globalPerSecond, limits.globalPerSecond);
  }

  /** Takes one token from the global and the chat bucket, or fails with 429 taking none. */
  take(chat: ChatState['chat']): void {
    const now = this.now();
    const buckets = [this.global, this.chatBucket(chat)];
    const waitMs = Math.max(...buckets.map((b) => b.waitMs(now)));
    if (waitMs > 0) throw tooManyRequests(Math.max(1, Math.ceil(waitMs / 1000)));
    for (const bucket of buckets) bucket.take(now);
  }

  private chatBucket(chat: ChatState['chat']): Bucket {
    let bucket = this.perChat.get(chat.id);
    if (!bucket) {
      const { privatePerSecond, privateBurst, groupPerMinute } = this.limits;
      bucket =
        chat.type === 'private'
          ? new Bucket(1000 / privatePerSecond, privateBurst)
          : new Bucket(60_000 / groupPerMinute, groupPerMinute);
      this.perChat.set(chat.id, bucket);
    }
    return bucket;
  }
}

// ─── Chats, messages and files ───────────────────────────────────────────────

interface StoredMessage {
  /** The message as the Bot API returns it, kept current through edits. */
  message: Message;
  /** Present for messages the bot sent. */
  view?: BotMessage;
  deleted: boolean;
}

interface ChatState {
  chat: Chat.PrivateChat | Chat.GroupChat | Chat.SupergroupChat;
  /** People who see the chat: the person of a private chat, the members of a group. */
  members: Set<number>;
  botIsAdmin: boolean;
  /** Set by FakeGroup.removeBot(): the bot can no longer write to the chat nor hear from it. */
  botRemoved: boolean;
  /** Set when the group was upgraded to a supergroup: the old id answers every method with a 400 naming the new one. */
  migratedTo?: number;
  /** Message ids are per chat, shared by the bot's and the people's messages. */
  lastMessageId: number;
  /** Bot messages with a higher id answer the last action of a person in the chat. */
  answeredAfter: number;
  messages: Map<number, StoredMessage>;
}

type Media =
  | { type: 'photo'; sizes: PhotoSize[] }
  | { type: 'document'; document: Document }
  | { type: 'sticker' }
  | { type: 'voice' };

interface FileRef {
  file_id: string;
  file_unique_id: string;
  file_size: number;
}

interface StoredFile extends FileRef {
  file_path: string;
  media: Media;
}

const FILE_ID_PREFIX: Record<Media['type'], string> = {
  photo: 'AgACAgIAAxk',
  document: 'BQACAgIAAxk',
  sticker: 'CAACAgIAAxk',
  voice: 'AwACAgIAAxk',
};
const FILE_FOLDER: Record<Media['type'], string> = {
  photo: 'photos',
  document: 'documents',
  sticker: 'stickers',
  voice: 'voice',
};

type NewMessageFields = Omit<Message, 'message_id' | 'date' | 'chat'>;

interface Outgoing {
  kind: BotMessage['kind'];
  fields: NewMessageFields;
  source: Pick<BotMessage, 'text' | 'caption' | 'parse_mode' | 'file_id' | 'plainText' | 'upload'>;
  markup: ParsedMarkup | undefined;
  replyTo: StoredMessage | undefined;
}

const apiFileRef = ({ file_id, file_unique_id, file_size }: FileRef): FileRef => ({
  file_id,
  file_unique_id,
  file_size,
});
const quoted = (message: Message): Message & { reply_to_message: undefined } => ({
  ...message,
  reply_to_message: undefined,
});
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function isMedia<T extends Media['type']>(media: Media, type: T): media is Extract<Media, { type: T }> {
  return media.type === type;
}

/** The state of the Telegram world the bot lives in: people, chats, messages, files, callback queries. */
class World {
  readonly chats = new Map<number, ChatState>();
  readonly people = new Map<number, User>();
  readonly blocked = new Set<number>();
  readonly files = new Map<string, StoredFile>();
  /** By query id: whether the bot answered it, and who pressed the button. */
  readonly callbackQueries = new Map<string, { answered: boolean; fromId: number }>();
  private fileCount = 0;
  private queryCount = 0;

  constructor(
    readonly bot: User,
    readonly now: () => number,
  ) {}

  date(): number {
    return Math.floor(this.now() / 1000);
  }

  knownChat(chatId: unknown): ChatState {
    const id = toChatId(chatId);
    const state = id === undefined ? undefined : this.chats.get(id);
    if (state?.migratedTo !== undefined) {
      throw new TelegramError(400, 'Bad Request: group chat was upgraded to a supergroup chat', {
        migrate_to_chat_id: state.migratedTo,
      });
    }
    if (state) return state;
    // Telegram knows people the bot met in a group, but still will not let it write first.
    if (id !== undefined && this.inSomeGroup(id)) throw forbidden("bot can't initiate conversation with a user");
    throw badRequest('chat not found');
  }

  writableChat(chatId: unknown): ChatState {
    const state = this.memberChat(chatId);
    if (state.chat.type === 'private' && this.blocked.has(state.chat.id)) throw forbidden(BLOCKED);
    return state;
  }

  /** A chat the bot is still in. */
  memberChat(chatId: unknown): ChatState {
    const state = this.knownChat(chatId);
    if (state.botRemoved) throw forbidden(`bot was kicked from the ${state.chat.type} chat`);
    return state;
  }

  /** Throws unless the person can reach the bot in the chat now; a test cannot act where a real client could not. */
  checkCanReachBot(state: ChatState, userId: number, action: 'message' | 'press'): void {
    const { id, type } = state.chat;
    if (!state.members.has(userId))
      throw new Error(`user ${userId} is not a member of ${type === 'private' ? 'private chat' : 'group'} ${id}`);
    // A Telegram client offers only "Unblock" in the chat of a blocked bot.
    if (action === 'message' && type === 'private' && this.blocked.has(id))
      throw new Error(`user ${userId} blocked the bot; call unblock() first`);
    if (state.botRemoved) throw new Error(`the bot was removed from group ${id}; call addBot() first`);
  }

  /** Private chats exist once the person wrote to the bot. */
  openPrivateChat(user: User): ChatState {
    const existing = this.chats.get(user.id);
    if (existing) return existing;
    const { id, first_name, last_name, username } = user;
    return this.addChat({ id, type: 'private', first_name, last_name, username }, [id], false);
  }

  addGroup(id: number, title: string, memberIds: number[], botIsAdmin: boolean): ChatState {
    // Supergroup ids look like -100xxxxxxxxxx; basic groups have short negative ids.
    const chat =
      id <= -1_000_000_000_000 ? { id, type: 'supergroup' as const, title } : { id, type: 'group' as const, title };
    return this.addChat(chat, memberIds, botIsAdmin);
  }

  addMessage(state: ChatState, fields: NewMessageFields): StoredMessage {
    const message: Message = { message_id: ++state.lastMessageId, date: this.date(), chat: state.chat, ...fields };
    const stored: StoredMessage = { message, deleted: false };
    state.messages.set(message.message_id, stored);
    return stored;
  }

  postBotMessage(state: ChatState, out: Outgoing): Message {
    const replyTo = out.replyTo?.message;
    const stored = this.addMessage(state, {
      from: this.bot,
      ...out.fields,
      reply_to_message: replyTo && quoted(replyTo),
    });
    const view: BotMessage = {
      message_id: stored.message.message_id,
      chat_id: state.chat.id,
      date: stored.message.date,
      kind: out.kind,
      ...out.source,
      reply_to_message_id: replyTo?.message_id,
      inlineButtons: [],
      replyKeyboard: out.markup?.keyboard,
      removedKeyboard: out.markup?.removesKeyboard,
      edits: 0,
    };
    stored.view = view;
    setInlineMarkup(stored, view, out.markup);
    return stored.message;
  }

  botMessages(chatId: number): BotMessage[] {
    const messages = this.chats.get(chatId)?.messages.values() ?? [];
    return [...messages].flatMap((m) => (m.view && !m.deleted ? [structuredClone(m.view)] : []));
  }

  /** A bot message as a person sees it right now: a real client cannot act on what it cannot see. */
  botMessageSeenBy(userId: number, message: BotMessage): { chat: ChatState; stored: StoredMessage; view: BotMessage } {
    const chat = this.chats.get(message.chat_id);
    if (!chat?.members.has(userId)) throw new Error(`user ${userId} cannot see chat ${message.chat_id}`);
    const stored = chat.messages.get(message.message_id);
    if (!stored?.view || stored.deleted)
      throw new Error(`bot message ${message.message_id} is no longer in chat ${message.chat_id}`);
    return { chat, stored, view: stored.view };
  }

  newCallbackQuery(fromId: number): string {
    const id = String(4_000_000_000_000 + ++this.queryCount);
    this.callbackQueries.set(id, { answered: false, fromId });
    return id;
  }

  newPhoto(): PhotoSize[] {
    const sizes: PhotoSize[] = [];
    for (const width of PHOTO_WIDTHS) {
      const file = this.addFile('photo', 'jpg', width * 120, () => ({ type: 'photo', sizes }));
      sizes.push({ ...apiFileRef(file), width, height: Math.round(width * 0.75) });
    }
    return sizes;
  }

  newDocument({ fileName, mimeType, size }: { fileName: string; mimeType: string; size?: number }): Document {
    const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? 'bin';
    const file = this.addFile('document', extension, size ?? 24_576, (ref) => ({
      type: 'document',
      document: { ...ref, file_name: fileName, mime_type: mimeType },
    }));
    return { ...apiFileRef(file), file_name: fileName, mime_type: mimeType };
  }

  newSticker(): Sticker {
    const file = this.addFile('sticker', 'webp', 18_000, () => ({ type: 'sticker' }));
    return {
      ...apiFileRef(file),
      type: 'regular',
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: '👍',
    };
  }

  newVoice(): Voice {
    const file = this.addFile('voice', 'oga', 9_000, () => ({ type: 'voice' }));
    return { ...apiFileRef(file), duration: 3, mime_type: 'audio/ogg' };
  }

  /** A file the bot sends again by file_id: it must exist and be of the right kind. */
  fileToResend<T extends Media['type']>(fileId: string, type: T): Extract<Media, { type: T }> {
    const file = this.files.get(fileId);
    if (!file) throw badRequest('wrong file identifier/HTTP URL specified');
    if (!isMedia(file.media, type))
      throw badRequest(`can't use file of type ${capitalize(file.media.type)} as ${capitalize(type)}`);
    return file.media;
  }

  private addChat(chat: ChatState['chat'], memberIds: number[], botIsAdmin: boolean): ChatState {
    const state: ChatState = {
      chat,
      members: new Set(memberIds),
      botIsAdmin,
      botRemoved: false,
      lastMessageId: 0,
      answeredAfter: 0,
      messages: new Map(),
    };
    this.chats.set(chat.id, state);
    return state;
  }

  private addFile(type: Media['type'], extension: string, size: number, media: (ref: FileRef) => Media): StoredFile {
    const n = ++this.fileCount;
    const ref: FileRef = {
      file_id: `${FILE_ID_PREFIX[type]}-fake-${n}`,
      file_unique_id: `AQADfake${n}`,
      file_size: size,
    };
    const file: StoredFile = { ...ref, file_path: `${FILE_FOLDER[type]}/file_${n}.${extension}`, media: media(ref) };
    this.files.set(file.file_id, file);
    return file;
  }

  private inSomeGroup(userId: number): boolean {
    return [...this.chats.values()].some((c) => c.chat.type !== 'private' && c.members.has(userId));
  }
}

/** Inline keyboards are part of the message; editMessageText without reply_markup removes them. */
function setInlineMarkup(stored: StoredMessage, view: BotMessage, markup: ParsedMarkup | undefined): void {
  stored.message.reply_markup = inlineMarkup(markup);
  view.reply_markup = markup?.raw;
  view.inlineButtons = markup?.inline ?? [];
}

// ─── Update delivery: long polling and webhook ───────────────────────────────

type RawUpdate = { update_id: number } & Record<string, unknown>;

interface QueuedUpdate {
  update: RawUpdate;
  confirm(): void;
  reject(error: Error): void;
}

interface PendingPoll {
  limit: number;
  answer(updates: RawUpdate[]): void;
  fail(error: TelegramError): void;
}

interface Webhook {
  url: string;
  secretToken?: string;
  maxConnections: number;
  lastError?: { date: number; message: string };
}

type WebhookAttempt = { ok: true; reply?: Params } | { ok: false; error: string };

const GetUpdatesSchema = z.object({
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().optional(),
  timeout: z.number().int().min(0).optional(),
  allowed_updates: z.array(z.string()).optional(),
});

const SetWebhookSchema = z.object({
  url: z.string(),
  secret_token: z.string().optional(),
  drop_pending_updates: z.boolean().optional(),
  allowed_updates: z.array(z.string()).optional(),
  max_connections: z.number().int().min(1).max(100).optional(),
});

const updateType = (update: RawUpdate) => Object.keys(update).find((key) => key !== 'update_id') ?? '';
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Updates of one chat go to a webhook one at a time; this finds the chat of any update shape. */
function chatKeyOf(update: RawUpdate): string {
  const payload = update[updateType(update)];
  const path = (value: unknown, ...keys: string[]): unknown =>
    keys.reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Params)[key] : undefined), value);
  const id = path(payload, 'chat', 'id') ?? path(payload, 'message', 'chat', 'id') ?? path(payload, 'from', 'id');
  return String(id ?? 'none');
}

class UpdateDelivery {
  private nextUpdateId = 100_000 + Math.floor(Math.random() * 900_000);
  /** Unconfirmed updates, by update_id. */
  private queue: QueuedUpdate[] = [];
  private poll: PendingPoll | undefined;
  private webhook: Webhook | undefined;
  private allowedUpdates: string[] = [];
  /** The bot confirmed every update below this id. */
  private confirmedBelow = 0;
  private readonly chatChains = new Map<string, Promise<void>>();
  private webhookInFlight = 0;

  constructor(
    private readonly date: () => number,
    /** Telegram runs a method that the webhook response body contains. */
    private readonly runWebhookReply: (payload: Params) => Promise<unknown>,
  ) {}

  allocateId(): number {
    return this.nextUpdateId++;
  }

  /** Resolves once the bot has handled the update: confirmed by getUpdates, or answered 2xx by the webhook. */
  deliver(update: RawUpdate): Promise<void> {
    this.nextUpdateId = Math.max(this.nextUpdateId, update.update_id + 1);
    if (!this.isAllowed(update)) return Promise.resolve();
    if (this.webhook) return this.postInOrder(update, this.webhook);
    if (update.update_id < this.confirmedBelow) {
      return Promise.reject(
        new Error(
          `update ${update.update_id} is below the offset ${this.confirmedBelow} the bot already confirmed: getUpdates would never return it (test re-deliveries in webhook mode)`,
        ),
      );
    }
    return new Promise((confirm, reject) => {
      this.queue.push({ update, confirm, reject });
      this.queue.sort((a, b) => a.update.update_id - b.update.update_id);
      this.wakePoll();
    });
  }

  getUpdates(p: z.output<typeof GetUpdatesSchema>, signal: AbortSignal): Promise<RawUpdate[]> | RawUpdate[] {
    if (this.webhook) {
      throw conflict(
        "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    if (p.allowed_updates) this.setAllowedUpdates(p.allowed_updates);
    if (p.offset !== undefined) this.confirmBelow(p.offset);
    this.poll?.fail(
      conflict('terminated by other getUpdates request; make sure that only one bot instance is running'),
    );
    const limit = Math.min(Math.max(p.limit ?? 100, 1), 100);
    const ready = this.ready(limit);
    if (ready.length > 0 || !p.timeout) return ready;
    return this.waitForUpdates(limit, p.timeout, signal);
  }

  setWebhook(p: z.output<typeof SetWebhookSchema>): true {
    if (p.url === '') return this.deleteWebhook(p.drop_pending_updates);
    if (!isHttpUrl(p.url)) throw badRequest('bad webhook: an HTTP or HTTPS URL must be provided for webhook');
    if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(p.secret_token)) {
      throw badRequest('secret token contains unallowed characters');
    }
    if (p.allowed_updates) this.setAllowedUpdates(p.allowed_updates);
    const webhook: Webhook = { url: p.url, secretToken: p.secret_token, maxConnections: p.max_connections ?? 40 };
    this.webhook = webhook;
    this.poll?.fail(
      conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"),
    );
    const queued = this.takeQueue();
    for (const q of queued) {
      if (p.drop_pending_updates) q.confirm();
      else this.postInOrder(q.update, webhook).then(q.confirm, q.reject);
    }
    return true;
  }

  deleteWebhook(dropPending: boolean | undefined): true {
    this.webhook = undefined;
    if (dropPending) for (const q of this.takeQueue()) q.confirm();
    return true;
  }

  webhookInfo(): Params {
    const hook = this.webhook;
    return {
      url: hook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: hook ? this.webhookInFlight : this.queue.length,
      max_connections: hook?.maxConnections,
      allowed_updates: nonEmpty(this.allowedUpdates),
      last_error_date: hook?.lastError?.date,
      last_error_message: hook?.lastError?.message,
    };
  }

  /** Releases a pending long poll and fails the actions still waiting for the bot. */
  stop(): void {
    this.poll?.answer([]);
    for (const q of this.takeQueue()) {
      q.reject(new Error(`the fake Telegram server stopped before the bot confirmed update ${q.update.update_id}`));
    }
  }

  private isAllowed(update: RawUpdate): boolean {
    const type = updateType(update);
    return this.allowedUpdates.length === 0 ? !OPT_IN_UPDATE_TYPES.has(type) : this.allowedUpdates.includes(type);
  }

  /** Telegram drops pending updates of types the bot no longer asks for. */
  private setAllowedUpdates(types: string[]): void {
    this.allowedUpdates = types;
    const [kept, dropped] = partition(this.queue, (q) => this.isAllowed(q.update));
    this.queue = kept;
    for (const q of dropped) q.confirm();
  }

  private confirmBelow(offset: number): void {
    this.confirmedBelow = Math.max(this.confirmedBelow, offset);
    const [confirmed, pending] = partition(this.queue, (q) => q.update.update_id < offset);
    this.queue = pending;
    for (const q of confirmed) q.confirm();
  }

  private ready(limit: number): RawUpdate[] {
    return this.queue.slice(0, limit).map((q) => q.update);
  }

  private takeQueue(): QueuedUpdate[] {
    const queued = this.queue;
    this.queue = [];
    return queued;
  }

  private wakePoll(): void {
    const ready = this.poll ? this.ready(this.poll.limit) : [];
    if (ready.length > 0) this.poll?.answer(ready);
  }

  private waitForUpdates(limit: number, timeoutSeconds: number, signal: AbortSignal): Promise<RawUpdate[]> {
    return new Promise((resolve, reject) => {
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        if (this.poll === poll) this.poll = undefined;
        settle();
      };
      const poll: PendingPoll = {
        limit,
        answer: (updates) => finish(() => resolve(updates)),
        fail: (error) => finish(() => reject(error)),
      };
      const timer = setTimeout(() => poll.answer([]), timeoutSeconds * 1000);
      // A client that gave up (grammY's bot.stop() aborts its poll) is no longer a competing poll.
      signal.addEventListener('abort', () => poll.answer([]), { once: true });
      this.poll = poll;
    });
  }

  private postInOrder(update: RawUpdate, webhook: Webhook): Promise<void> {
    const key = chatKeyOf(update);
    const previous = this.chatChains.get(key) ?? Promise.resolve();
    const delivery = previous.then(() => this.post(update, webhook));
    this.chatChains.set(
      key,
      delivery.catch(() => undefined),
    );
    this.webhookInFlight++;
    const done = () => void this.webhookInFlight--;
    delivery.then(done, done);
    return delivery;
  }

  private async post(update: RawUpdate, webhook: Webhook): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(update, webhook);
      if (outcome.ok) {
        if (outcome.reply) await this.runWebhookReply(outcome.reply);
        return;
      }
      webhook.lastError = { date: this.date(), message: outcome.error };
      if (attempt === WEBHOOK_ATTEMPTS) {
        throw new Error(
          `webhook ${webhook.url} failed update ${update.update_id} ${WEBHOOK_ATTEMPTS} times: ${outcome.error}`,
        );
      }
      await delay(WEBHOOK_RETRY_DELAY_MS);
    }
  }

  private async attempt(update: RawUpdate, webhook: Webhook): Promise<WebhookAttempt> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (webhook.secretToken !== undefined) headers['X-Telegram-Bot-Api-Secret-Token'] = webhook.secretToken;
    try {
      const response = await fetch(webhook.url, { method: 'POST', headers, body: JSON.stringify(update) });
      const body = await response.text();
      if (!response.ok)
        return { ok: false, error: `Wrong response from the webhook: ${response.status} ${response.statusText}` };
      const reply = parseJson(body);
      const isMethodCall = typeof reply === 'object' && reply !== null && typeof (reply as Params).method === 'string';
      return { ok: true, reply: isMethodCall ? (reply as Params) : undefined };
    } catch (error) {
      return { ok: false, error: `Connection failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

function isHttpUrl(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

// ─── Bot API methods ─────────────────────────────────────────────────────────

interface MethodEnv {
  world: World;
  delivery: UpdateDelivery;
  limiter: RateLimiter | undefined;
  botInfo: UserFromGetMe;
}

type MethodHandler = (env: MethodEnv, params: Params, signal: AbortSignal) => unknown;

const SendCommon = z.object({
  chat_id: ChatId,
  parse_mode: z.string().optional(),
  reply_markup: z.unknown().optional(),
  reply_parameters: z
    .object({ message_id: z.number().int(), allow_sending_without_reply: z.boolean().optional() })
    .optional(),
  reply_to_message_id: z.number().int().optional(),
  allow_sending_without_reply: z.boolean().optional(),
});
const SendMessageSchema = SendCommon.extend({ text: z.string().optional() });
const UploadSchema = z.object({ fileName: z.string(), bytes: z.instanceof(Buffer) });
const SendPhotoSchema = SendCommon.extend({
  photo: z.union([z.string(), UploadSchema]).optional(),
  caption: z.string().optional(),
});
const SendDocumentSchema = SendCommon.extend({
  document: z.union([z.string(), UploadSchema]).optional(),
  caption: z.string().optional(),
});
const EditTargetSchema = z.object({
  chat_id: ChatId,
  message_id: z.number().int(),
  reply_markup: z.unknown().optional(),
});
const EditTextSchema = EditTargetSchema.extend({ text: z.string().optional(), parse_mode: z.string().optional() });
const MessageRefSchema = z.object({ chat_id: ChatId, message_id: z.number().int() });
const ChatRefSchema = z.object({ chat_id: ChatId });
const ChatMemberSchema = z.object({ chat_id: ChatId, user_id: z.number().int() });
const ChatActionSchema = z.object({ chat_id: ChatId, action: z.string() });
const FileRefSchema = z.object({ file_id: z.string() });
const DeleteWebhookSchema = z.object({ drop_pending_updates: z.boolean().optional() });
const AnswerCallbackSchema = z.object({
  callback_query_id: z.string(),
  text: z.string().optional(),
  show_alert: z.boolean().optional(),
  url: z.string().optional(),
  cache_time: z.number().int().min(0).optional(),
});
const SetMyCommandsSchema = z.object({
  commands: z.array(z.object({ command: z.string(), description: z.string() })),
  scope: z.looseObject({ type: z.string() }).optional(),
  language_code: z.string().optional(),
});

type SendCommonParams = z.output<typeof SendCommon>;

function replyTarget(chat: ChatState, p: SendCommonParams): StoredMessage | undefined {
  const id = p.reply_parameters?.message_id ?? p.reply_to_message_id;
  if (id === undefined) return undefined;
  const stored = chat.messages.get(id);
  if (stored && !stored.deleted) return stored;
  if (p.reply_parameters?.allow_sending_without_reply ?? p.allow_sending_without_reply) return undefined;
  throw badRequest('message to be replied not found');
}

/** What all send methods check after their own content: markup, reply target, then the rate limit. */
function postMessage(
  env: MethodEnv,
  chat: ChatState,
  p: SendCommonParams,
  content: Pick<Outgoing, 'kind' | 'fields' | 'source'>,
): Message {
  const markup = parseReplyMarkup(p.reply_markup);
  const replyTo = replyTarget(chat, p);
  env.limiter?.take(chat.chat);
  return structuredClone(env.world.postBotMessage(chat, { ...content, markup, replyTo }));
}

function sendMessage(env: MethodEnv, params: Params): Message {
  const p = parseParams(SendMessageSchema, params);
  const chat = env.world.writableChat(p.chat_id);
  const text = checkedText(p.text, p.parse_mode);
  return postMessage(env, chat, p, {
    kind: 'text',
    fields: { text: text.text, entities: nonEmpty(text.entities) },
    source: { text: p.text, parse_mode: p.parse_mode, plainText: text.text },
  });
}

function sendPhoto(env: MethodEnv, params: Params): Message {
  const p = parseParams(SendPhotoSchema, params);
  const chat = env.world.writableChat(p.chat_id);
  if (p.photo === undefined) throw badRequest('there is no photo in the request');
  const upload = typeof p.photo === 'string' ? undefined : checkedImage(p.photo);
  // An HTTP URL: Telegram downloads the picture itself (the fake takes any https URL for one).
  const byUrl = typeof p.photo === 'string' && /^https:\/\/\S+$/.test(p.photo);
  const sizes = upload || byUrl ? env.world.newPhoto() : env.world.fileToResend(p.photo as string, 'photo').sizes;
  const caption = checkedCaption(p.caption, p.parse_mode);
  return postMessage(env, chat, p, {
    kind: 'photo',
    fields: { photo: sizes, ...captionFields(caption) },
    source: {
      caption: p.caption,
      parse_mode: p.parse_mode,
      plainText: caption.text,
      file_id: sizes.at(-1)!.file_id,
      ...(upload ? { upload } : {}),
    },
  });
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** Telegram decodes an uploaded photo: anything but an image (here: PNG or JPEG) up to 10 MB is refused. */
function checkedImage(upload: z.output<typeof UploadSchema>): z.output<typeof UploadSchema> {
  if (upload.bytes.length > MAX_PHOTO_BYTES) throw badRequest('PHOTO_INVALID_DIMENSIONS');
  const isImage =
    upload.bytes.subarray(0, 8).equals(PNG_SIGNATURE) || upload.bytes.subarray(0, 3).equals(JPEG_SIGNATURE);
  if (!isImage) throw badRequest('IMAGE_PROCESS_FAILED');
  return upload;
}

function sendDocument(env: MethodEnv, params: Params): Message {
  const p = parseParams(SendDocumentSchema, params);
  const chat = env.world.writableChat(p.chat_id);
  if (p.document === undefined) throw badRequest('there is no document in the request');
  // An upload (multipart, up to 50 MB): a new document with the file's name.
  const upload = typeof p.document === 'string' ? undefined : checkedDocument(p.document);
  const byUrl = typeof p.document === 'string' && /^https:\/\/\S+$/.test(p.document);
  const document = upload
    ? env.world.newDocument({
        fileName: upload.fileName,
        mimeType: 'application/octet-stream',
        size: upload.bytes.length,
      })
    : byUrl
      ? env.world.newDocument({
          fileName: decodeURIComponent(new URL(p.document as string).pathname.split('/').pop() || 'file'),
          mimeType: 'application/octet-stream',
        })
      : env.world.fileToResend(p.document as string, 'document').document;
  const caption = checkedCaption(p.caption, p.parse_mode);
  return postMessage(env, chat, p, {
    kind: 'document',
    fields: { document, ...captionFields(caption) },
    source: {
      caption: p.caption,
      parse_mode: p.parse_mode,
      plainText: caption.text,
      file_id: typeof p.document === 'string' ? p.document : document.file_id,
      ...(upload ? { upload } : {}),
    },
  });
}

const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** Telegram takes any uploaded document up to 50 MB, but not an empty one. */
function checkedDocument(upload: z.output<typeof UploadSchema>): z.output<typeof UploadSchema> {
  if (upload.bytes.length === 0) throw badRequest('file must be non-empty');
  if (upload.bytes.length > MAX_DOCUMENT_BYTES) throw badRequest('Request Entity Too Large');
  return upload;
}

function messageToEdit(env: MethodEnv, p: z.output<typeof EditTargetSchema>) {
  const chat = env.world.writableChat(p.chat_id);
  const stored = chat.messages.get(p.message_id);
  if (!stored?.view || stored.deleted) throw badRequest('message to edit not found');
  return { chat, stored, view: stored.view };
}

function finishEdit(
  env: MethodEnv,
  stored: StoredMessage,
  view: BotMessage,
  markup: ParsedMarkup | undefined,
): Message {
  setInlineMarkup(stored, view, markup);
  stored.message.edit_date = env.world.date();
  view.edits++;
  return structuredClone(stored.message);
}

function editMessageText(env: MethodEnv, params: Params): Message {
  const p = parseParams(EditTextSchema, params);
  const { chat, stored, view } = messageToEdit(env, p);
  if (view.kind !== 'text') throw badRequest('there is no text in the message to edit');
  const text = checkedText(p.text, p.parse_mode);
  const markup = parseReplyMarkup(p.reply_markup, { inlineOnly: true });
  const { message } = stored;
  const unchanged = sameJson(
    [message.text, message.entities, message.reply_markup],
    [text.text, nonEmpty(text.entities), inlineMarkup(markup)],
  );
  if (unchanged) throw badRequest(NOT_MODIFIED);
  env.limiter?.take(chat.chat);
  message.text = text.text;
  message.entities = nonEmpty(text.entities);
  Object.assign(view, { text: p.text, parse_mode: p.parse_mode, plainText: text.text });
  return finishEdit(env, stored, view, markup);
}

function editMessageReplyMarkup(env: MethodEnv, params: Params): Message {
  const p = parseParams(EditTargetSchema, params);
  const { chat, stored, view } = messageToEdit(env, p);
  const markup = parseReplyMarkup(p.reply_markup, { inlineOnly: true });
  if (sameJson(stored.message.reply_markup, inlineMarkup(markup))) throw badRequest(NOT_MODIFIED);
  env.limiter?.take(chat.chat);
  return finishEdit(env, stored, view, markup);
}

function deleteMessage(env: MethodEnv, params: Params): true {
  const p = parseParams(MessageRefSchema, params);
  const chat = env.world.writableChat(p.chat_id);
  const stored = chat.messages.get(p.message_id);
  if (!stored || stored.deleted) throw badRequest('message to delete not found');
  // In groups a bot may delete other people's messages only as an admin.
  const mayDelete = chat.chat.type === 'private' || stored.view !== undefined || chat.botIsAdmin;
  if (!mayDelete) throw badRequest("message can't be deleted");
  stored.deleted = true;
  return true;
}

function answerCallbackQuery(env: MethodEnv, params: Params): true {
  const p = parseParams(AnswerCallbackSchema, params);
  const query = env.world.callbackQueries.get(p.callback_query_id);
  if (!query || query.answered)
    throw badRequest('query is too old and response timeout expired or query ID is invalid');
  if ((p.text ?? '').length > MAX_CALLBACK_ANSWER_LENGTH) throw badRequest('MESSAGE_TOO_LONG');
  query.answered = true;
  return true;
}

function sendChatAction(env: MethodEnv, params: Params): true {
  const p = parseParams(ChatActionSchema, params);
  env.world.writableChat(p.chat_id);
  if (!CHAT_ACTIONS.has(p.action)) throw badRequest('wrong parameter action in request');
  return true;
}

function setMyCommands(_env: MethodEnv, params: Params): true {
  const p = parseParams(SetMyCommandsSchema, params);
  if (p.commands.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
  for (const { command, description } of p.commands) {
    if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
    if (description.length < 1 || description.length > 256) throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
  }
  return true;
}

const MAGIC: Record<string, Buffer> = {
  jpg: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  png: PNG_SIGNATURE,
  pdf: Buffer.from('%PDF-1.7\n'),
};

/** Stand-in contents of a stored file: its format's magic bytes, then filler up to its size. */
function fileBytes(path: string, size: number): Buffer {
  const magic = MAGIC[path.split('.').pop() ?? ''] ?? Buffer.alloc(0);
  return Buffer.concat([magic, Buffer.alloc(Math.max(0, size - magic.length), 0x20)]);
}

function getFile(env: MethodEnv, params: Params): Omit<StoredFile, 'media'> {
  const p = parseParams(FileRefSchema, params);
  const file = env.world.files.get(p.file_id);
  if (!file) throw badRequest('invalid file_id');
  if (file.file_size > MAX_DOWNLOAD_BYTES) throw badRequest('file is too big');
  const { file_id, file_unique_id, file_size, file_path } = file;
  return { file_id, file_unique_id, file_size, file_path };
}

function getChat(env: MethodEnv, params: Params): Params {
  const p = parseParams(ChatRefSchema, params);
  const { chat } = env.world.memberChat(p.chat_id);
  return { ...chat, accent_color_id: 0, max_reaction_count: 11 };
}

function getChatMember(env: MethodEnv, params: Params): ChatMember {
  const p = parseParams(ChatMemberSchema, params);
  const chat = env.world.knownChat(p.chat_id);
  if (p.user_id === env.botInfo.id) {
    return chat.botRemoved
      ? { status: 'kicked', user: env.world.bot, until_date: 0 }
      : botMembership(env.world.bot, chat.botIsAdmin);
  }
  const user = env.world.people.get(p.user_id);
  if (!user) throw badRequest('user not found');
  return chat.members.has(user.id) ? { status: 'member', user } : { status: 'left', user };
}

function botMembership(bot: User, isAdmin: boolean): ChatMember {
  if (!isAdmin) return { status: 'member', user: bot };
  return {
    status: 'administrator',
    user: bot,
    can_be_edited: false,
    is_anonymous: false,
    can_manage_chat: true,
    can_delete_messages: true,
    can_manage_video_chats: false,
    can_restrict_members: true,
    can_promote_members: false,
    can_change_info: false,
    can_invite_users: true,
    can_post_stories: false,
    can_edit_stories: false,
    can_delete_stories: false,
    can_send_welcome_messages: false,
    can_pin_messages: true,
  };
}

const METHODS: Record<string, MethodHandler> = {
  getMe: (env) => env.botInfo,
  getUpdates: (env, params, signal) => env.delivery.getUpdates(parseParams(GetUpdatesSchema, params), signal),
  setWebhook: (env, params) => env.delivery.setWebhook(parseParams(SetWebhookSchema, params)),
  deleteWebhook: (env, params) =>
    env.delivery.deleteWebhook(parseParams(DeleteWebhookSchema, params).drop_pending_updates),
  getWebhookInfo: (env) => env.delivery.webhookInfo(),
  setMyCommands,
  sendMessage,
  editMessageText,
  editMessageReplyMarkup,
  deleteMessage,
  answerCallbackQuery,
  sendPhoto,
  sendDocument,
  sendChatAction,
  getFile,
  getChat,
  getChatMember,
};

/** Method names are case-insensitive in the Bot API. */
const METHODS_BY_LOWER_NAME = new Map(
  Object.entries(METHODS).map(([name, handler]) => [name.toLowerCase(), { name, handler }]),
);

// ─── HTTP plumbing ───────────────────────────────────────────────────────────

type ApiResponse =
  | { ok: true; result: unknown }
  | {
      ok: false;
      error_code: number;
      description: string;
      parameters?: { retry_after: number } | { migrate_to_chat_id: number };
    };

function errorResponse(error: TelegramError): ApiResponse {
  return { ok: false, error_code: error.code, description: error.description, parameters: error.parameters };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * multipart/form-data as the Bot API takes it: each field a part (objects as JSON text), each file a
 * part with a filename, referenced from a field as "attach://<part name>".
 */
function parseMultipart(contentType: string, body: Buffer): Params {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  if (!boundary) throw badRequest('multipart body without a boundary');
  const fields: Params = {};
  const files = new Map<string, { fileName: string; bytes: Buffer }>();
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) throw badRequest('multipart body is not terminated');
    const part = body.subarray(start + 2, next - 2); // drop the CRLF after the delimiter and before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]+)"/i.exec(headers)?.[1];
    if (!name) throw badRequest('multipart part without a name');
    const fileName = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    if (fileName) files.set(name, { fileName, bytes: Buffer.from(content) });
    else fields[name] = multipartValue(content.toString('utf8'));
    at = next;
  }
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value !== 'string' || !value.startsWith('attach://')) continue;
    const file = files.get(value.slice('attach://'.length));
    if (!file) throw badRequest(`file ${value} is not in the request`);
    fields[key] = file;
  }
  return fields;
}

/** Numbers, booleans and objects arrive as JSON text; anything else is the string itself. */
function multipartValue(text: string): unknown {
  if (!/^[[{\d-]|^(true|false)$/.test(text)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function parseBody(contentType: string | undefined, raw: Buffer): Params {
  if (raw.length === 0) return {};
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'multipart/form-data') return parseMultipart(contentType!, raw);
  if (type !== 'application/json')
    throw badRequest(`unsupported content type "${type}": this fake accepts JSON and multipart bodies`);
  const body = raw.toString('utf8');
  const params = parseJson(body);
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw badRequest('parameters must be a JSON object');
  return params as Params;
}

function respond(res: ServerResponse, response: ApiResponse): void {
  if (res.destroyed) return;
  res.writeHead(response.ok ? 200 : response.error_code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(response));
}

function abortWhenClientLeaves(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableEnded) controller.abort();
  });
  return controller.signal;
}

function listen(server: Server): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.address() as AddressInfo));
  });
}

function botInfoFor(token: string, username: string): UserFromGetMe {
  const id = /^(\d+):[\w-]+$/.exec(token)?.[1];
  if (id === undefined) throw new Error(`not a bot token: ${token}`);
  return {
    id: Number(id),
    is_bot: true,
    first_name: 'Sáng Kiến Test Bot',
    username,
    can_join_groups: true,
    // The fake delivers every group message, as Telegram does for bots with privacy mode off.
    can_read_all_group_messages: true,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

/** Text starting with "/start" or "/start@bot" carries a bot_command entity, as Telegram adds it. */
function commandEntities(text: string): MessageEntity[] | undefined {
  const command = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?/.exec(text)?.[0];
  return command === undefined ? undefined : [{ type: 'bot_command', offset: 0, length: command.length }];
}

// ─── The server ──────────────────────────────────────────────────────────────

type Deliver = (payload: Params) => Promise<void>;

/** Telegram taking its time over one call (a slow network, a big upload): answered after `ms`. */
interface Slowness {
  method: string;
  chatId: number;
  ms: number;
}

interface Fault {
  method: string;
  chatId?: number;
  error: TelegramError;
  remaining: number;
}

interface CallWaiter {
  matches(call: ApiCall): boolean;
  resolve(call: ApiCall): void;
}

export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  readonly botInfo: UserFromGetMe;
  private readonly now: () => number;
  private readonly world: World;
  private readonly delivery: UpdateDelivery;
  private readonly env: MethodEnv;
  private readonly faults: Fault[] = [];
  private readonly slow: Slowness[] = [];
  private readonly waiters = new Set<CallWaiter>();
  private readonly listeners = new Set<(call: ApiCall) => void>();

  private constructor(
    private readonly server: Server,
    readonly apiRoot: string,
    readonly token: string,
    opts: FakeTelegramOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.botInfo = botInfoFor(token, opts.botUsername ?? DEFAULT_BOT_USERNAME);
    const { id, first_name, username } = this.botInfo;
    this.world = new World({ id, is_bot: true, first_name, username }, this.now);
    this.delivery = new UpdateDelivery(
      () => this.world.date(),
      ({ method, ...params }) => this.call(String(method), () => params, new AbortController().signal),
    );
    const limits = opts.rateLimits ?? DEFAULT_RATE_LIMITS;
    const limiter = limits === false ? undefined : new RateLimiter(limits, this.now);
    this.env = { world: this.world, delivery: this.delivery, limiter, botInfo: this.botInfo };
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res));
  }

  /** Turns the flood limits on (or off) from now on. */
  setRateLimits(limits: RateLimits | false): void {
    this.env.limiter = limits === false ? undefined : new RateLimiter(limits, this.now);
  }

  static async start(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const token = opts.token ?? DEFAULT_TOKEN;
    botInfoFor(token, ''); // fail fast on a malformed token, before opening a port
    const server = createServer();
    const { port } = await listen(server);
    return new FakeTelegram(server, `http://127.0.0.1:${port}`, token, opts);
  }

  async stop(): Promise<void> {
    this.delivery.stop();
    // Let the released long poll write its answer before the connections go.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  user(init: {
    id: number;
    first_name: string;
    last_name?: string;
    username?: string;
    language_code?: string;
  }): FakeUser {
    if (this.world.people.has(init.id)) throw new Error(`user ${init.id} already exists`);
    const info: User = { is_bot: false, ...init };
    this.world.people.set(info.id, info);
    return new FakeUserImpl(this.world, info, (payload) => this.deliver(payload));
  }

  /** The bot is a member of the group from the start; `botIsAdmin` makes it an administrator. */
  group(init: { id: number; title: string; members: FakeUser[]; botIsAdmin?: boolean }): FakeGroup {
    if (init.id >= 0) throw new Error(`group ids are negative, got ${init.id}`);
    if (this.world.chats.has(init.id)) throw new Error(`chat ${init.id} already exists`);
    const chat = this.world.addGroup(
      init.id,
      init.title,
      init.members.map((m) => m.id),
      init.botIsAdmin ?? false,
    );
    return new FakeGroupImpl(this.world, chat, (payload) => this.deliver(payload));
  }

  botMessages(chatId: number): BotMessage[] {
    return this.world.botMessages(chatId);
  }

  waitForCall(pred: (c: ApiCall) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<ApiCall> {
    const past = this.calls.find(pred);
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const waiter: CallWaiter = {
        matches: pred,
        resolve: (call) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(call);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new Error(
            `waitForCall: no matching API call within ${timeoutMs} ms. Last calls:\n${this.describeRecentCalls()}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** The next call of `method` for this chat is answered only after `ms` of real time. */
  slowNext(s: { method: string; chatId: number; ms: number }): void {
    this.slow.push({ ...s, method: s.method.toLowerCase() });
  }

  failNext(f: FailNextOptions): void {
    this.faults.push({
      method: f.method.toLowerCase(),
      chatId: f.chatId,
      error: injectedError(f),
      remaining: f.times ?? 1,
    });
  }

  block(userId: number): void {
    this.world.blocked.add(userId);
  }

  unblock(userId: number): void {
    this.world.blocked.delete(userId);
  }

  /** Calls `listener` with every API call as it is answered (the bench times replies this way); returns the unsubscribe. */
  onCall(listener: (call: ApiCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The id of the person who pressed the button of a callback query. */
  callbackQueryFrom(queryId: string): number | undefined {
    return this.world.callbackQueries.get(queryId)?.fromId;
  }

  /**
   * The person opened the bot earlier: their private chat exists, so the bot may write to them, without
   * delivering an update (the bench seeds thousands of officers this way).
   */
  openPrivateChat(user: FakeUser): void {
    this.world.openPrivateChat(user.info);
  }

  unansweredCallbackQueries(): string[] {
    return [...this.world.callbackQueries].filter(([, q]) => !q.answered).map(([id]) => id);
  }

  /**
   * Runs after each update a person sent was handled, before their action resolves. A test harness sets
   * it to wait for what the bot does after answering (its delivery queue), the way a person sees the
   * consequences of their action a moment later.
   */
  afterUpdate: () => Promise<void> = async () => undefined;

  /** The id the next update will carry, taken now (for a test that must know it before delivering). */
  takeUpdateId(): number {
    return this.delivery.allocateId();
  }

  /** Injects any update, e.g. one with a repeated update_id; update_id is assigned when missing. */
  deliverRaw(update: object): Promise<void> {
    const raw = update as Params;
    const id = typeof raw.update_id === 'number' ? raw.update_id : this.delivery.allocateId();
    return this.delivery.deliver({ ...raw, update_id: id }).then(() => this.afterUpdate());
  }

  private deliver(payload: Params): Promise<void> {
    return this.delivery.deliver({ update_id: this.delivery.allocateId(), ...payload }).then(() => this.afterUpdate());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const signal = abortWhenClientLeaves(res);
    const body = await readBody(req);
    const download = /^\/file\/bot([^/]*)\/(.+)$/.exec(req.url ?? '');
    if (download && req.method === 'GET') return this.download(res, download[1]!, download[2]!);
    const route = /^\/bot([^/]*)\/([^/?]*)/.exec(req.url ?? '');
    if (!route) return respond(res, errorResponse(new TelegramError(404, 'Not Found')));
    const [, token, method = ''] = route;
    const response =
      token === this.token
        ? await this.call(method, () => parseBody(req.headers['content-type'], body), signal)
        : this.fail(method, {}, new TelegramError(401, 'Unauthorized'));
    respond(res, response);
  }

  /** https://api.telegram.org/file/bot<token>/<file_path>: the bytes of a file getFile described. */
  private download(res: ServerResponse, token: string, path: string): void {
    const file = [...this.world.files.values()].find((f) => f.file_path === decodeURIComponent(path));
    if (token !== this.token || !file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(fileBytes(file.file_path, file.file_size));
  }

  /** Runs one Bot API method and records it in `calls`. */
  private async call(name: string, readParams: () => Params, signal: AbortSignal): Promise<ApiResponse> {
    const method = METHODS_BY_LOWER_NAME.get(name.toLowerCase());
    let params: Params = {};
    try {
      if (!method) throw new TelegramError(404, 'Not Found: method not found');
      params = readParams();
      this.throwInjectedFault(method.name, params);
      await this.takeYourTime(method.name, params);
      const result = await method.handler(this.env, params, signal);
      this.record({ method: method.name, params, ok: true, result, at: this.now() });
      return { ok: true, result };
    } catch (error) {
      // Anything but a TelegramError is a bug in this fake: report it loudly as a 500.
      const failure =
        error instanceof TelegramError
          ? error
          : new TelegramError(500, `Internal Server Error: fake failed: ${String(error)}`);
      return this.fail(method?.name ?? name, params, failure);
    }
  }

  private fail(method: string, params: Params, error: TelegramError): ApiResponse {
    this.record({ method, params, ok: false, errorCode: error.code, description: error.description, at: this.now() });
    return errorResponse(error);
  }

  private async takeYourTime(method: string, params: Params): Promise<void> {
    const index = this.slow.findIndex(
      (s) => s.method === method.toLowerCase() && s.chatId === toChatId(params.chat_id),
    );
    if (index < 0) return;
    const [slowness] = this.slow.splice(index, 1);
    await delay(slowness!.ms);
  }

  private throwInjectedFault(method: string, params: Params): void {
    const index = this.faults.findIndex(
      (f) => f.method === method.toLowerCase() && (f.chatId === undefined || f.chatId === toChatId(params.chat_id)),
    );
    const fault = this.faults[index];
    if (!fault) return;
    if (--fault.remaining === 0) this.faults.splice(index, 1);
    throw fault.error;
  }

  private record(call: ApiCall): void {
    this.calls.push(call);
    for (const waiter of this.waiters) if (waiter.matches(call)) waiter.resolve(call);
    for (const listener of this.listeners) listener(call);
  }

  private describeRecentCalls(): string {
    const recent = this.calls.filter((c) => c.method !== 'getUpdates').slice(-10);
    const lines = recent.map((c) => {
      const outcome = c.ok ? 'ok' : `${c.errorCode} ${c.description}`;
      return `  ${c.method} ${outcome} ${JSON.stringify(c.params).slice(0, 200)}`;
    });
    return lines.join('\n') || '  (none besides getUpdates)';
  }
}

// ─── People and groups ───────────────────────────────────────────────────────

function callbackDataOf(view: BotMessage, button: string): string {
  const buttons = view.inlineButtons.flat();
  const found = buttons.find((b) => b.text === button) ?? buttons.find((b) => b.callback_data === button);
  if (!found) {
    const names = buttons.map((b) => JSON.stringify(b.text)).join(', ') || 'none';
    throw new Error(`bot message ${view.message_id} has no inline button "${button}" now; its buttons: ${names}`);
  }
  if (found.callback_data === undefined)
    throw new Error(`button "${found.text}" opens ${found.url}; pressing it sends the bot nothing`);
  return found.callback_data;
}

const hasButton = (message: BotMessage, button: string) =>
  message.inlineButtons.flat().some((b) => b.text === button || b.callback_data === button);

type NewDocument = { fileName: string; mimeType: string; size?: number; caption?: string };

/** The callback_query a press sends: the message as the person sees it, with its current keyboard. */
function callbackQueryPayload(world: World, from: User, chat: ChatState, stored: StoredMessage, data: string): Params {
  return {
    callback_query: {
      id: world.newCallbackQuery(from.id),
      from,
      message: structuredClone(stored.message),
      chat_instance: String(-(7_000_000_000 + Math.abs(chat.chat.id))),
      data,
    },
  };
}

/** A person's reply: reply_to_message is the replied message as it is now (text or caption, from, reply_markup), one level deep. */
function replyFields(stored: StoredMessage, fields: NewMessageFields): NewMessageFields {
  return { ...fields, reply_to_message: quoted(stored.message) };
}

const photoFields = (world: World, opts: { caption?: string }): NewMessageFields => ({
  photo: world.newPhoto(),
  caption: opts.caption,
});
const documentFields = (world: World, opts: NewDocument): NewMessageFields => ({
  document: world.newDocument(opts),
  caption: opts.caption,
});
const textFields = (text: string): NewMessageFields => ({ text, entities: commandEntities(text) });

/** Adds a person's message to the chat, marks it as their latest action there and delivers it. */
async function postAs(
  world: World,
  deliver: Deliver,
  from: User,
  chat: ChatState,
  fields: NewMessageFields,
): Promise<void> {
  world.checkCanReachBot(chat, from.id, 'message');
  const { message } = world.addMessage(chat, { from, ...fields });
  chat.answeredAfter = message.message_id;
  await deliver({ message: structuredClone(message) });
}

/** Presses a button of a bot message the person sees; the press is their latest action in that chat. */
async function pressAs(world: World, deliver: Deliver, from: User, message: BotMessage, button: string): Promise<void> {
  const { chat, stored, view } = world.botMessageSeenBy(from.id, message);
  const data = callbackDataOf(view, button);
  world.checkCanReachBot(chat, from.id, 'press');
  chat.answeredAfter = chat.lastMessageId;
  await deliver(callbackQueryPayload(world, from, chat, stored, data));
}

const latestWithButton = (messages: BotMessage[], button: string) =>
  messages.reverse().find((m) => hasButton(m, button));

class FakeUserImpl implements FakeUser {
  constructor(
    private readonly world: World,
    readonly info: User,
    private readonly deliver: Deliver,
  ) {}

  get id(): number {
    return this.info.id;
  }

  get chatId(): number {
    return this.info.id;
  }

  get transcript(): BotMessage[] {
    return this.world.botMessages(this.id);
  }

  get lastReplies(): BotMessage[] {
    const answeredAfter = this.world.chats.get(this.id)?.answeredAfter ?? 0;
    return this.transcript.filter((m) => m.message_id > answeredAfter);
  }

  send(text: string): Promise<void> {
    return this.sendToBot(textFields(text));
  }

  sendPhoto(opts: { caption?: string } = {}): Promise<void> {
    return this.sendToBot(photoFields(this.world, opts));
  }

  sendDocument(opts: NewDocument): Promise<void> {
    return this.sendToBot(documentFields(this.world, opts));
  }

  sendSticker(): Promise<void> {
    return this.sendToBot({ sticker: this.world.newSticker() });
  }

  sendVoice(): Promise<void> {
    return this.sendToBot({ voice: this.world.newVoice() });
  }

  shareContact(opts: { phone?: string; ofUserId?: number } = {}): Promise<void> {
    const userId = opts.ofUserId ?? this.id;
    const person = this.world.people.get(userId);
    return this.sendToBot({
      contact: {
        phone_number: opts.phone ?? DEFAULT_PHONE,
        first_name: person?.first_name ?? 'Contact',
        last_name: person?.last_name,
        user_id: userId,
      },
    });
  }

  press(message: BotMessage, button: string): Promise<void> {
    return pressAs(this.world, this.deliver, this.info, message, button);
  }

  async pressLatest(button: string): Promise<void> {
    const latest = latestWithButton(this.transcript, button);
    if (!latest) throw new Error(`no bot message in chat ${this.id} has an inline button "${button}"`);
    await this.press(latest, button);
  }

  replyTo(message: BotMessage, text: string): Promise<void> {
    return this.reply(message, textFields(text));
  }

  replyWithPhoto(message: BotMessage, opts: { caption?: string } = {}): Promise<void> {
    return this.reply(message, photoFields(this.world, opts));
  }

  replyWithDocument(message: BotMessage, opts: NewDocument): Promise<void> {
    return this.reply(message, documentFields(this.world, opts));
  }

  private async reply(message: BotMessage, fields: NewMessageFields): Promise<void> {
    const { chat, stored } = this.world.botMessageSeenBy(this.id, message);
    await postAs(this.world, this.deliver, this.info, chat, replyFields(stored, fields));
  }

  private async sendToBot(fields: NewMessageFields): Promise<void> {
    // A Telegram client offers only "Unblock" in the chat of a blocked bot.
    if (this.world.blocked.has(this.id)) throw new Error(`user ${this.id} blocked the bot; call unblock() first`);
    await postAs(this.world, this.deliver, this.info, this.world.openPrivateChat(this.info), fields);
  }
}

class FakeGroupImpl implements FakeGroup {
  constructor(
    private readonly world: World,
    private readonly chat: ChatState,
    private readonly deliver: Deliver,
  ) {}

  get id(): number {
    return this.chat.chat.id;
  }

  get transcript(): BotMessage[] {
    return this.world.botMessages(this.id);
  }

  get lastReplies(): BotMessage[] {
    return this.transcript.filter((m) => m.message_id > this.chat.answeredAfter);
  }

  send(from: FakeUser, text: string): Promise<void> {
    return postAs(this.world, this.deliver, from.info, this.chat, textFields(text));
  }

  press(from: FakeUser, message: BotMessage, button: string): Promise<void> {
    this.checkOwnMessage(from, message);
    return pressAs(this.world, this.deliver, from.info, message, button);
  }

  async pressLatest(from: FakeUser, button: string): Promise<void> {
    const latest = latestWithButton(this.transcript, button);
    if (!latest) throw new Error(`no bot message in group ${this.id} has an inline button "${button}"`);
    await this.press(from, latest, button);
  }

  replyTo(from: FakeUser, message: BotMessage, text: string): Promise<void> {
    return this.reply(from, message, textFields(text));
  }

  replyWithPhoto(from: FakeUser, message: BotMessage, opts: { caption?: string } = {}): Promise<void> {
    return this.reply(from, message, photoFields(this.world, opts));
  }

  replyWithDocument(from: FakeUser, message: BotMessage, opts: NewDocument): Promise<void> {
    return this.reply(from, message, documentFields(this.world, opts));
  }

  removeBot(): void {
    this.chat.botRemoved = true;
  }

  addBot(): void {
    this.chat.botRemoved = false;
  }

  addMember(user: FakeUser): void {
    this.chat.members.add(user.id);
  }

  async join(user: FakeUser): Promise<void> {
    this.chat.members.add(user.id);
    await postAs(this.world, this.deliver, user.info, this.chat, { new_chat_members: [user.info] });
  }

  sendSticker(from: FakeUser): Promise<void> {
    return postAs(this.world, this.deliver, from.info, this.chat, {
      sticker: {
        file_id: 'CAACAgIAAxkBAAE',
        file_unique_id: 'AgADsticker',
        type: 'regular',
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
      },
    });
  }

  async migrateToSupergroup(by: FakeUser, opts: { announce?: boolean } = {}): Promise<FakeGroup> {
    if (this.chat.chat.type !== 'group') throw new Error(`chat ${this.id} is not a basic group`);
    const newId = -(1_000_000_000_000 + Math.abs(this.id));
    const title = this.chat.chat.title;
    const next = this.world.addGroup(newId, title, [...this.chat.members], this.chat.botIsAdmin);
    if (opts.announce ?? true) {
      // Telegram posts the old group's last message, then the supergroup's first.
      this.world.checkCanReachBot(this.chat, by.id, 'message');
      await postAs(this.world, this.deliver, by.info, this.chat, { migrate_to_chat_id: newId });
    }
    this.chat.migratedTo = newId;
    if (opts.announce ?? true) await postAs(this.world, this.deliver, by.info, next, { migrate_from_chat_id: this.id });
    return new FakeGroupImpl(this.world, next, this.deliver);
  }

  private async reply(from: FakeUser, message: BotMessage, fields: NewMessageFields): Promise<void> {
    this.checkOwnMessage(from, message);
    const { stored } = this.world.botMessageSeenBy(from.id, message);
    await postAs(this.world, this.deliver, from.info, this.chat, replyFields(stored, fields));
  }

  /** Membership first, so that a stranger gets "not a member" rather than "cannot see". */
  private checkOwnMessage(from: FakeUser, message: BotMessage): void {
    if (message.chat_id !== this.id)
      throw new Error(`bot message ${message.message_id} is in chat ${message.chat_id}, not in group ${this.id}`);
    this.world.checkCanReachBot(this.chat, from.id, 'press');
  }
}
