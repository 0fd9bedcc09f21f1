/**
 * A local fake of both Zalo surfaces, over real HTTP, for tests:
 *
 * - the Official Account (OA) Open API (messages, uploads, user detail, getoa), its OAuth v4 token
 *   endpoint and its signed webhook pushes;
 * - the Zalo Bot Platform (`/bot<TOKEN>/<method>`), its long poll and its webhook pushes.
 *
 * Each endpoint validates what it is given and fails the way the real one is documented to fail
 * (shared/reference/zalo.md), so a client that passes here has not merely passed a fake that accepts
 * anything. Where the sources are silent the fake picks something plausible and says so in a comment.
 *
 * Two clocks: `now` (fake, ms) drives token expiry, interaction windows, rate-limit windows and
 * message dates; real time drives only the long poll and the 2 s webhook deadline.
 *
 * Pushes are made once: a push returns the status the webhook answered (0 for none within 2 s), and
 * `resend(push)` plays Zalo's redelivery. getUpdates keeps undelivered updates queued; the real
 * server is said to drop events while nobody polls.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

// ─── Public types ────────────────────────────────────────────────────────────

export interface FakeZaloOptions {
  /** Millisecond clock for token expiry, interaction windows, rate-limit windows and dates. */
  now?: () => number;
  appId?: string;
  /** The app's secret key: the `secret_key` header of /v4/oa/access_token. */
  appSecretKey?: string;
  /** The OA secret key that signs webhook pushes (zalo.md §1.2: not the app secret). */
  oaSecretKey?: string;
  oaId?: string;
  oaName?: string;
  /** OA API calls per app per minute (real: 4000). */
  oaRateLimitPerMinute?: number;
  /** Also push `oa_send_*` echoes of the OA's own sends to the OA webhook, as Zalo does when subscribed. */
  deliverEchoes?: boolean;
  /** `<bot_id>:<secret>` */
  botToken?: string;
  /** Bot API calls per minute; the real limit is unpublished, so none by default. */
  botRateLimitPerMinute?: number;
  /**
   * The real setWebhook takes HTTPS URLs only. Tests listen on plain HTTP, so this lets
   * `http://127.0.0.1…` and `http://localhost…` through; any other http URL is still refused.
   */
  allowHttpLocalhostWebhook?: boolean;
  /** Bot webhook body: the documented `{ok:true,result:{…}}` envelope, or the bare `{event_name,message}` some receive. */
  botWebhookEnvelope?: 'ok-result' | 'bare';
}

/** A message the OA sent to a person, as plain data. */
export interface OaOutbound {
  messageId: string;
  kind: 'text' | 'buttons' | 'image' | 'file' | 'request_user_info';
  text?: string;
  buttons?: { title: string; type: 'oa.query.show' | 'oa.query.hide'; payload: string }[];
  image?: { attachmentId?: string; url?: string; mediaType: string };
  /** The file as the person receives it (its bytes, to open it back in a test). */
  file?: { token: string; name: string; type: string; bytes: Uint8Array };
  request?: { title: string; subtitle: string; imageUrl: string };
  quoteMessageId?: string;
  /** Set when the OA addressed a message id rather than a user id. */
  inReplyTo?: string;
  sentAt: number;
  /** False inside the free 48 h after the person's last interaction. */
  billed: boolean;
}

/** A message the bot sent to a person on the Bot Platform. */
export interface BotOutbound {
  messageId: string;
  kind: 'text' | 'photo';
  text?: string;
  photo?: string;
  caption?: string;
  date: number;
}

/** One HTTP push the fake made to a webhook; give it back to `resend` for a duplicate delivery. */
export interface Push {
  surface: 'oa' | 'bot';
  url: string;
  rawBody: string;
  headers: Record<string, string>;
  /** What the webhook answered; 0 when it did not answer within the deadline (or at all). */
  status: number;
}

export interface FakeZaloOaUser {
  readonly id: string;
  readonly idByApp: string;
  readonly name: string;
  readonly phone: string;
  /** Messages the OA sent to this person. */
  readonly inbox: OaOutbound[];
  /** msg_id of the latest message this person sent to the OA. */
  readonly lastSentMsgId: string | undefined;
  lastText(): string | undefined;
  /** Each action pushes one signed event to the OA webhook and resolves to the HTTP status it answered. */
  send(text: string): Promise<number>;
  /** A photo, optionally quoting (replying to) a message of the conversation. */
  sendImage(caption?: string, quoteMsgId?: string): Promise<number>;
  sendFile(name: string): Promise<number>;
  sendSticker(): Promise<number>;
  sendLocation(): Promise<number>;
  /** A pasted link: Zalo sends user_send_link, the link as a `link` attachment (text, when any, next to it). */
  sendLink(url: string): Promise<number>;
  /** Presses an oa.query button the OA sent: Zalo delivers it as user_send_text with the payload as text. */
  tap(payload: string): Promise<number>;
  quoteReply(msgId: string, text: string): Promise<number>;
  follow(): Promise<number>;
  unfollow(): Promise<number>;
  /** Answers the OA's request_user_info form with this person's name and phone. */
  submitInfo(): Promise<number>;
  /** Blocks the OA: sends fail with -217. Zalo pushes no event for it. */
  block(): void;
  /**
   * Sends the OA may still make to this person before -218; undefined for no limit. With
   * `refillOnInteraction`, each message of the person gives the OA that many again (zalo.md §1.5: the
   * older "8 replies per interaction" model).
   */
  setQuota(remaining: number | undefined, refillOnInteraction?: number): void;
}

export interface FakeZaloBotUser {
  readonly id: string;
  readonly name: string;
  readonly inbox: BotOutbound[];
  lastText(): string | undefined;
  /**
   * Each action builds an update. With a webhook set it is pushed and this resolves to the status
   * answered; otherwise it is queued for getUpdates and this resolves to undefined at once.
   */
  send(text: string): Promise<number | undefined>;
  sendPhoto(url: string, caption?: string): Promise<number | undefined>;
  sendSticker(): Promise<number | undefined>;
  /** What Zalo sends instead of the content when the sender is in a protected group: no usable message. */
  sendUnsupported(): Promise<number | undefined>;
}

// ─── Constants ───────────────────────────────────────────────────────────────

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ACCESS_TOKEN_LIFETIME_MS = 25 * HOUR;
const REFRESH_TOKEN_LIFETIME_MS = 90 * DAY;
const FREE_REPLY_WINDOW_MS = 48 * HOUR;
const SEND_WINDOW_MS = 7 * DAY;
const UPLOAD_LIFETIME_MS = 7 * DAY;
const MAX_TEXT = 2000;
const MAX_IMAGE_BYTES = 1024 * 1024;
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const WEBHOOK_DEADLINE_MS = 2000;
const DEFAULT_PHONE = '84901234567';
const VIETNAM_OFFSET_MS = 7 * HOUR;

const OA_ERRORS = {
  rateLimited: [-32, 'Exceeded rate limit: the app reached the API call limit'],
  uploadExpired: [-100, 'Attachment is expired or does not exist'],
  tooLong: [-210, 'Parameter exceeds allowable limit'],
  outOfQuota: [-211, 'Out of quota'],
  notFollower: [-213, 'User has not followed OA'],
  badToken: [-216, 'Access token is invalid'],
  blocked: [-217, 'User has blocked invitation from OA'],
  outOfQuotaReceive: [-218, 'Out of quota receive'],
  expiredToken: [-220, 'Access token is expired or removed'],
  noInteraction: [-230, 'User has not interacted with the OA in the past 7 days'],
} as const satisfies Record<string, readonly [number, string]>;

// ─── Small helpers ───────────────────────────────────────────────────────────

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
/** Zalo ids are decimal strings longer than 2^53: a client that parses them as numbers corrupts them. */
const zaloNumericId = () =>
  `${1 + Math.floor(Math.random() * 8)}${Array.from({ length: 18 }, () => Math.floor(Math.random() * 10)).join('')}`;
const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** `mac=<hex sha256(app_id + rawBody + timestamp + secret)>`: a plain hash over the concatenation, not an HMAC. */
export function zaloOaMac(rawBody: string, appId: string, timestamp: string, secret: string): string {
  return `mac=${sha256Hex(appId + rawBody + timestamp + secret)}`;
}

/** "DD/MM/YYYY" in Vietnam time, as user/detail reports the last interaction. */
function vietnamDate(ms: number): string {
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

const mediaType = (req: IncomingMessage) =>
  (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Multipart parsing by the platform's own Request, so the fake does not hand-roll a parser. */
function parseMultipart(req: IncomingMessage, body: Buffer): Promise<FormData> {
  return new Request('http://fake.invalid/', {
    method: 'POST',
    headers: { 'content-type': req.headers['content-type'] ?? '' },
    body: new Uint8Array(body),
  }).formData();
}

const lastTextOf = (messages: { text?: string }[]) => messages.filter((m) => m.text !== undefined).at(-1)?.text;

/** POSTs a webhook body; 0 when the receiver does not answer within Zalo's 2 s (or cannot be reached). */
async function postWebhook(url: string, rawBody: string, headers: Record<string, string>): Promise<number> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: rawBody,
      signal: AbortSignal.timeout(WEBHOOK_DEADLINE_MS),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Fixed one-minute windows on the fake clock. */
class MinuteLimiter {
  private windowStart = -1;
  private used = 0;

  constructor(
    public limit: number,
    private readonly now: () => number,
  ) {}

  take(): { allowed: boolean; remain: number } {
    const window = Math.floor(this.now() / 60_000);
    if (window !== this.windowStart) {
      this.windowStart = window;
      this.used = 0;
    }
    if (this.used >= this.limit) return { allowed: false, remain: 0 };
    this.used++;
    return { allowed: true, remain: this.limit - this.used };
  }
}

// ─── OA errors and parameter validation ──────────────────────────────────────

/** An OA failure: answered as HTTP 200 `{error, message}`. */
class OaError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const oaError = ([code, message]: readonly [number, string]) => new OaError(code, message);
const invalid = (field: string) => new OaError(-201, `${field} is invalid!`);

/** Zod issues become Zalo's errors: text over its limit is -210, anything else "-201 <field> is invalid!". */
function parseOa<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'too_big' && issue.origin === 'string') return throwError(oaError(OA_ERRORS.tooLong));
  const field = [...(issue?.path ?? [])].reverse().find((p): p is string => typeof p === 'string');
  return throwError(invalid(field ?? 'body'));
}

function throwError(error: Error): never {
  throw error;
}

/** Lengths are measured after NFC normalisation (zalo.md §1.3). */
const NfcText = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC'))
    .pipe(z.string().min(1).max(max));
const Id = z.string().min(1);
const HttpUrl = z.url({ protocol: /^https?$/ });

const SendSchema = z.object({
  recipient: z.union([z.object({ user_id: Id }).strict(), z.object({ message_id: Id }).strict()]),
  message: z.object({
    text: NfcText(MAX_TEXT).optional(),
    quote_message_id: Id.optional(),
    attachment: z
      .object({
        type: z.enum(['template', 'file']),
        payload: z.record(z.string(), z.unknown()),
      })
      .optional(),
  }),
});

const ButtonsPayload = z.object({
  buttons: z
    .array(z.object({ title: NfcText(100), type: z.enum(['oa.query.show', 'oa.query.hide']), payload: NfcText(1000) }))
    .min(1)
    .max(5),
});

const MediaPayload = z.object({
  template_type: z.literal('media'),
  elements: z
    .array(
      z.object({
        media_type: z.enum(['image', 'gif']),
        attachment_id: Id.optional(),
        url: HttpUrl.optional(),
        width: z.number().int().positive().optional(),
        height: z.number().int().positive().optional(),
      }),
    )
    .length(1),
});

const RequestInfoPayload = z.object({
  template_type: z.literal('request_user_info'),
  elements: z.array(z.object({ title: NfcText(100), subtitle: NfcText(500), image_url: HttpUrl })).length(1),
});

const FilePayload = z.object({ token: Id });

const UserDetailQuery = z.object({ user_id: Id });

// ─── OAuth: tokens that expire and rotate ────────────────────────────────────

interface AccessToken {
  expiresAt: number;
}

interface RefreshToken {
  expiresAt: number;
  used: boolean;
}

/**
 * Zalo documents no error for a failed refresh (zalo.md §1.6). This shape follows what Chatwoot
 * expects (`error`, `error_description`); the codes are made up for the fake.
 */
const oauthError = (error: number, name: string, description: string) => ({
  error,
  error_name: name,
  error_description: description,
});

class TokenAuthority {
  private readonly access = new Map<string, AccessToken>();
  private readonly refresh = new Map<string, RefreshToken>();
  refreshCalls = 0;

  constructor(
    private readonly now: () => number,
    private readonly appId: string,
    private readonly appSecretKey: string,
  ) {}

  issue(): { accessToken: string; refreshToken: string } {
    const accessToken = `oa-at-${hex(24)}`;
    const refreshToken = `oa-rt-${hex(24)}`;
    this.access.set(accessToken, { expiresAt: this.now() + ACCESS_TOKEN_LIFETIME_MS });
    this.refresh.set(refreshToken, { expiresAt: this.now() + REFRESH_TOKEN_LIFETIME_MS, used: false });
    return { accessToken, refreshToken };
  }

  expireAll(): void {
    for (const token of this.access.values()) token.expiresAt = Math.min(token.expiresAt, this.now());
  }

  /** -216 for a missing or unknown token, -220 for one that expired. */
  check(token: string | undefined): void {
    const known = token === undefined ? undefined : this.access.get(token);
    if (!known) throw oaError(OA_ERRORS.badToken);
    if (known.expiresAt <= this.now()) throw oaError(OA_ERRORS.expiredToken);
  }

  /** POST /v4/oa/access_token with grant_type=refresh_token. Returns the HTTP body (always status 200). */
  exchange(req: IncomingMessage, body: Buffer): object {
    this.refreshCalls++;
    if (mediaType(req) !== 'application/x-www-form-urlencoded')
      return oauthError(-14001, 'Invalid parameter', 'body must be application/x-www-form-urlencoded');
    if (req.headers['secret_key'] !== this.appSecretKey)
      return oauthError(-14002, 'Invalid secret key', 'secret_key header is missing or wrong');
    const form = new URLSearchParams(body.toString('utf8'));
    if (form.get('app_id') !== this.appId) return oauthError(-14003, 'Invalid app id', 'app_id is missing or unknown');
    if (form.get('grant_type') !== 'refresh_token')
      return oauthError(-14001, 'Invalid parameter', 'this fake supports grant_type=refresh_token only');
    const presented = this.refresh.get(form.get('refresh_token') ?? '');
    if (!presented || presented.used || presented.expiresAt <= this.now()) {
      return oauthError(-14014, 'Invalid refresh token', 'refresh_token is invalid, expired or already used');
    }
    presented.used = true;
    const pair = this.issue();
    return {
      access_token: pair.accessToken,
      refresh_token: pair.refreshToken,
      expires_in: String(ACCESS_TOKEN_LIFETIME_MS / 1000),
    };
  }
}

// ─── The OA and the people who write to it ───────────────────────────────────

interface OaUserState {
  id: string;
  idByApp: string;
  name: string;
  phone: string;
  follower: boolean;
  blocked: boolean;
  lastInteractionAt: number | undefined;
  quota: number | undefined;
  /** What each interaction of the person gives the OA again (the "N replies per interaction" model). */
  quotaRefill: number | undefined;
  sharedInfo: boolean;
  inbox: OaOutbound[];
  /** msg_ids of this conversation, both ways: what may be quoted. */
  messageIds: Set<string>;
}

interface Upload {
  kind: 'image' | 'file';
  name: string;
  type: string;
  bytes: Uint8Array;
  uploadedAt: number;
}

/** The first bytes that make a file what its type claims. */
const MAGIC: Record<string, { bytes: number[]; kind: 'image' | 'file' }> = {
  'image/jpeg': { bytes: [0xff, 0xd8, 0xff], kind: 'image' },
  'image/png': { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'image' },
  'application/pdf': { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'file' },
  'application/msword': { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'file' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    kind: 'file',
  },
};

class OaWorld {
  readonly users = new Map<string, OaUserState>();
  /** Inbound msg_id → sender id: what a `message_id` recipient may name. */
  readonly inbound = new Map<string, string>();
  readonly uploads = new Map<string, Upload>();
  oaQuota: number | undefined;
  failNext: OaError | undefined;

  constructor(
    private readonly now: () => number,
    readonly oaId: string,
    readonly oaName: string,
  ) {}

  /** Checks the type by declared mime type and by content (a PNG called .pdf is not a PDF), then the size. */
  async upload(kind: 'image' | 'file', form: FormData): Promise<string> {
    const file = form.get('file');
    if (!(file instanceof File)) throw invalid('file');
    const magic = MAGIC[file.type];
    const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    if (!magic || magic.kind !== kind || !magic.bytes.every((b, i) => head[i] === b)) throw invalid('file');
    if (file.size > (kind === 'image' ? MAX_IMAGE_BYTES : MAX_FILE_BYTES)) throw oaError(OA_ERRORS.tooLong);
    const id = kind === 'image' ? hex(16) : `file-${hex(20)}`;
    const bytes = new Uint8Array(await file.arrayBuffer());
    this.uploads.set(id, { kind, name: file.name, type: file.type, bytes, uploadedAt: this.now() });
    return id;
  }

  useUpload(id: string, kind: 'image' | 'file', field: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload || upload.kind !== kind) throw invalid(field);
    if (this.now() - upload.uploadedAt > UPLOAD_LIFETIME_MS) throw oaError(OA_ERRORS.uploadExpired);
    return upload;
  }

  send(raw: Record<string, unknown>): { user: OaUserState; message: OaOutbound } {
    const { recipient, message } = parseOa(SendSchema, raw);
    const user = this.recipient(recipient);
    const content = this.content(message);
    if (message.quote_message_id !== undefined && !user.messageIds.has(message.quote_message_id))
      throw invalid('quote_message_id');
    this.checkCanSend(user);
    const injected = this.failNext;
    this.failNext = undefined;
    if (injected) throw injected;
    const sentAt = this.now();
    const outbound: OaOutbound = {
      messageId: hex(10),
      ...content,
      ...(message.quote_message_id === undefined ? {} : { quoteMessageId: message.quote_message_id }),
      ...('message_id' in recipient ? { inReplyTo: recipient.message_id } : {}),
      sentAt,
      billed: sentAt - (user.lastInteractionAt ?? 0) > FREE_REPLY_WINDOW_MS,
    };
    user.inbox.push(outbound);
    user.messageIds.add(outbound.messageId);
    if (user.quota !== undefined) user.quota--;
    if (this.oaQuota !== undefined) this.oaQuota--;
    return { user, message: outbound };
  }

  private recipient(recipient: { user_id: string } | { message_id: string }): OaUserState {
    const userId = 'user_id' in recipient ? recipient.user_id : this.inbound.get(recipient.message_id);
    const user = userId === undefined ? undefined : this.users.get(userId);
    if (!user) throw invalid('user_id' in recipient ? 'user_id' : 'message_id');
    return user;
  }

  private content(
    message: z.output<typeof SendSchema>['message'],
  ): Omit<OaOutbound, 'messageId' | 'sentAt' | 'billed'> {
    const { text, attachment } = message;
    if (!attachment) return text === undefined ? throwError(invalid('text')) : { kind: 'text', text };
    if (attachment.type === 'file') {
      const { token } = parseOa(FilePayload, attachment.payload);
      const { name, type, bytes } = this.useUpload(token, 'file', 'token');
      return { kind: 'file', file: { token, name, type, bytes } };
    }
    switch (attachment.payload.template_type) {
      case undefined: {
        if (text === undefined) throw invalid('text');
        return { kind: 'buttons', text, buttons: parseOa(ButtonsPayload, attachment.payload).buttons };
      }
      case 'media': {
        const [element] = parseOa(MediaPayload, attachment.payload).elements;
        if (!element || (element.attachment_id === undefined) === (element.url === undefined))
          throw invalid('attachment_id');
        if (element.media_type === 'gif' && (element.width === undefined || element.height === undefined))
          throw invalid('width');
        if (element.attachment_id !== undefined) this.useUpload(element.attachment_id, 'image', 'attachment_id');
        const image = {
          mediaType: element.media_type,
          ...(element.attachment_id ? { attachmentId: element.attachment_id } : { url: element.url }),
        };
        return { kind: 'image', image, ...(text === undefined ? {} : { text }) };
      }
      case 'request_user_info': {
        const [element] = parseOa(RequestInfoPayload, attachment.payload).elements;
        if (!element) throw invalid('elements');
        return {
          kind: 'request_user_info',
          request: { title: element.title, subtitle: element.subtitle, imageUrl: element.image_url },
        };
      }
      default:
        throw invalid('template_type');
    }
  }

  /** The order a person's state is checked in is a guess; each rule itself is documented. */
  private checkCanSend(user: OaUserState): void {
    if (user.blocked) throw oaError(OA_ERRORS.blocked);
    if (!user.follower) throw oaError(OA_ERRORS.notFollower);
    if (user.lastInteractionAt === undefined || this.now() - user.lastInteractionAt > SEND_WINDOW_MS)
      throw oaError(OA_ERRORS.noInteraction);
    if (user.quota !== undefined && user.quota <= 0) throw oaError(OA_ERRORS.outOfQuotaReceive);
    if (this.oaQuota !== undefined && this.oaQuota <= 0) throw oaError(OA_ERRORS.outOfQuota);
  }

  sendResult(user: OaUserState, message: OaOutbound): object {
    return {
      message_id: message.messageId,
      user_id: user.id,
      sent_time: String(message.sentAt),
      // Since 2026-03-01 Zalo returns only the type; no quota object means the message was billed.
      ...(message.billed ? {} : { quota: { quota_type: 'reply' } }),
    };
  }

  userDetail(query: string | null): object {
    const data = query === null ? undefined : parseJsonObject(query);
    if (!data) throw invalid('data');
    const { user_id } = parseOa(UserDetailQuery, data);
    const user = this.users.get(user_id);
    if (!user) throw invalid('user_id');
    return {
      user_id: user.id,
      user_id_by_app: user.idByApp,
      user_external_id: '',
      display_name: user.name,
      user_alias: '',
      is_sensitive: false,
      user_last_interaction_date: user.lastInteractionAt === undefined ? '' : vietnamDate(user.lastInteractionAt),
      user_is_follower: user.follower,
      avatar: `https://s120-ava-talk.zadn.vn/fake/${user.id}.jpg`,
      avatars: {
        '120': `https://s120-ava-talk.zadn.vn/fake/${user.id}.jpg`,
        '240': `https://s240-ava-talk.zadn.vn/fake/${user.id}.jpg`,
      },
      tags_and_notes_info: { tag_names: [], notes: [] },
      // Zalo answers null (not an absent field) for a person who never shared their info with the OA.
      shared_info: user.sharedInfo ? { name: user.name, phone: user.phone, address: '', city: '', district: '' } : null,
    };
  }

  getOa(): object {
    const followers = [...this.users.values()].filter((u) => u.follower).length;
    return {
      oa_id: this.oaId,
      name: this.oaName,
      description: 'Fake OA',
      avatar: '',
      cover: '',
      is_verified: true,
      num_follower: followers,
    };
  }
}

// ─── OA webhook pushes ───────────────────────────────────────────────────────

class OaUserDriver implements FakeZaloOaUser {
  lastSentMsgId: string | undefined;

  constructor(
    private readonly fake: FakeZalo,
    private readonly world: OaWorld,
    private readonly state: OaUserState,
  ) {}

  get id(): string {
    return this.state.id;
  }
  get idByApp(): string {
    return this.state.idByApp;
  }
  get name(): string {
    return this.state.name;
  }
  get phone(): string {
    return this.state.phone;
  }
  get inbox(): OaOutbound[] {
    return this.state.inbox;
  }

  lastText(): string | undefined {
    return lastTextOf(this.state.inbox);
  }

  send(text: string): Promise<number> {
    return this.message('user_send_text', { text });
  }

  sendImage(caption?: string, quoteMsgId?: string): Promise<number> {
    if (quoteMsgId !== undefined && !this.state.messageIds.has(quoteMsgId))
      throw new Error(`message ${quoteMsgId} is not in ${this.name}'s conversation with the OA`);
    const url = `https://photo-stal.zadn.vn/fake/${hex(8)}.jpg`;
    const quote = quoteMsgId ? { quote_msg_id: quoteMsgId } : {};
    return this.message('user_send_image', {
      ...(caption ? { text: caption } : {}),
      ...quote,
      attachments: [{ type: 'image', payload: { url, thumbnail: url } }],
    });
  }

  sendFile(name: string): Promise<number> {
    const type = name.split('.').pop() ?? '';
    const payload = { url: `https://f1.zadn.vn/fake/${hex(8)}/${encodeURIComponent(name)}`, name, size: '48213', type };
    return this.message('user_send_file', { attachments: [{ type: 'file', payload }] });
  }

  sendSticker(): Promise<number> {
    const id = hex(6);
    return this.message('user_send_sticker', {
      attachments: [
        { type: 'sticker', payload: { id, url: `https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=${id}` } },
      ],
    });
  }

  sendLink(url: string): Promise<number> {
    return this.message('user_send_link', {
      text: url,
      attachments: [{ type: 'link', payload: { url, title: url, description: '', thumbnail: '' } }],
    });
  }

  sendLocation(): Promise<number> {
    const coordinates = { latitude: '21.0285', longitude: '105.8542' };
    const url = `https://maps.google.com/?q=${coordinates.latitude},${coordinates.longitude}`;
    return this.message('user_send_location', { attachments: [{ type: 'location', payload: { url, coordinates } }] });
  }

  tap(payload: string): Promise<number> {
    const offered = this.state.inbox.some((m) => m.buttons?.some((b) => b.payload === payload));
    if (!offered) throw new Error(`the OA sent ${this.name} no button with payload ${JSON.stringify(payload)}`);
    return this.message('user_send_text', { text: payload });
  }

  quoteReply(msgId: string, text: string): Promise<number> {
    if (!this.state.messageIds.has(msgId))
      throw new Error(`message ${msgId} is not in ${this.name}'s conversation with the OA`);
    return this.message('user_send_text', { text, quote_msg_id: msgId });
  }

  follow(): Promise<number> {
    this.state.follower = true;
    return this.membership('follow');
  }

  unfollow(): Promise<number> {
    this.state.follower = false;
    return this.membership('unfollow');
  }

  submitInfo(): Promise<number> {
    if (!this.state.inbox.some((m) => m.kind === 'request_user_info'))
      throw new Error(`the OA never asked ${this.name} for their info`);
    this.state.sharedInfo = true;
    this.interact();
    return this.fake.pushOa({
      ...this.envelope('user_submit_info'),
      sender: { id: this.id },
      recipient: { id: this.world.oaId },
      info: { name: this.name, phone: this.phone, address: '', city: '', district: '', ward: '' },
    });
  }

  block(): void {
    this.state.blocked = true;
  }

  setQuota(remaining: number | undefined, refillOnInteraction?: number): void {
    this.state.quota = remaining;
    this.state.quotaRefill = refillOnInteraction;
  }

  private message(eventName: string, message: Record<string, unknown>): Promise<number> {
    const msgId = hex(10);
    this.world.inbound.set(msgId, this.id);
    this.state.messageIds.add(msgId);
    this.lastSentMsgId = msgId;
    this.interact();
    return this.fake.pushOa({
      ...this.envelope(eventName),
      sender: { id: this.id },
      recipient: { id: this.world.oaId },
      message: { msg_id: msgId, ...message },
    });
  }

  private membership(eventName: 'follow' | 'unfollow'): Promise<number> {
    if (eventName === 'follow') this.interact();
    return this.fake.pushOa({
      ...this.envelope(eventName),
      oa_id: this.world.oaId,
      source: 'oa_profile',
      follower: { id: this.id },
    });
  }

  private envelope(eventName: string): Record<string, string> {
    return {
      app_id: this.fake.appId,
      user_id_by_app: this.idByApp,
      event_name: eventName,
      timestamp: String(this.fake.now()),
    };
  }

  private interact(): void {
    this.state.lastInteractionAt = this.fake.now();
    if (this.state.quotaRefill !== undefined) this.state.quota = this.state.quotaRefill;
  }
}

// ─── Bot Platform ────────────────────────────────────────────────────────────

/** A Bot API failure: `{ok:false, error_code, description}` with the same HTTP status. */
class BotError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
  ) {
    super(description);
  }
}

const botBadRequest = (what: string) => new BotError(400, `Bad Request: ${what}`);

type BotParams = Record<string, unknown>;

function parseBot<S extends z.ZodType>(schema: S, params: BotParams): z.output<S> {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw botBadRequest(`invalid parameter ${issue?.path.join('.') || 'parameters'}: ${issue?.message}`);
}

/** Query, form and multipart values are strings; JSON may carry either. */
const BotString = z.union([z.string(), z.number()]).transform(String);
const BotText = BotString.pipe(z.string().min(1).max(MAX_TEXT));
const ChatParams = z.object({ chat_id: BotString.pipe(z.string().min(1)) });
const GetUpdatesParams = z.object({ timeout: BotString.pipe(z.string().regex(/^\d+$/)).transform(Number).optional() });
const SetWebhookParams = z.object({
  url: BotString.pipe(z.url()),
  secret_token: BotString.pipe(z.string().min(8).max(256)),
});
const SendMessageParams = ChatParams.extend({ text: BotText });
const SendPhotoParams = ChatParams.extend({
  photo: BotString.pipe(HttpUrl),
  caption: BotString.pipe(z.string().max(MAX_TEXT)).optional(),
});
const ChatActionParams = ChatParams.extend({ action: z.enum(['typing', 'upload_photo']) });

interface BotChat {
  id: string;
  name: string;
  inbox: BotOutbound[];
}

interface WaitingPoll {
  resolve(update: object): void;
  reject(error: BotError): void;
  timer: NodeJS.Timeout;
}

const pollTimeout = () => new BotError(408, 'Request timeout');

class BotPlatform {
  readonly botId: string;
  readonly chats = new Map<string, BotChat>();
  private webhook: { url: string; secret: string } | undefined;
  private webhookUpdatedAt = 0;
  /** Updates nobody fetched yet. The real server keeps the cursor itself (no offset). */
  private readonly queue: object[] = [];
  private readonly polls: WaitingPoll[] = [];
  readonly limiter: MinuteLimiter;
  quota: number | undefined;

  constructor(
    private readonly fake: FakeZalo,
    readonly token: string,
    rateLimitPerMinute: number,
    private readonly allowHttpLocalhost: boolean,
    private readonly envelope: 'ok-result' | 'bare',
  ) {
    const botId = /^(\d+):[\w-]+$/.exec(token)?.[1];
    if (botId === undefined) throw new Error(`not a Zalo bot token: ${token}`);
    this.botId = botId;
    this.limiter = new MinuteLimiter(rateLimitPerMinute, () => fake.now());
  }

  /** Runs `method`; the result, or a BotError. A long poll may take up to its timeout. */
  async call(method: string, params: BotParams): Promise<unknown> {
    if (!this.limiter.take().allowed) throw new BotError(429, 'Too Many Requests: rate limit exceeded');
    switch (method) {
      case 'getMe':
        return {
          id: this.botId,
          account_name: `bot.${this.botId.slice(0, 9)}`,
          account_type: 'BASIC',
          can_join_groups: false,
        };
      case 'getUpdates':
        return this.getUpdates(parseBot(GetUpdatesParams, params).timeout ?? 30);
      case 'setWebhook':
        return this.setWebhook(parseBot(SetWebhookParams, params));
      case 'deleteWebhook':
        this.webhook = undefined;
        this.webhookUpdatedAt = this.fake.now();
        return { url: '', updated_at: this.webhookUpdatedAt };
      case 'getWebhookInfo':
        return { url: this.webhook?.url ?? '', updated_at: this.webhookUpdatedAt };
      case 'sendMessage': {
        const p = parseBot(SendMessageParams, params);
        return this.deliverToChat(p.chat_id, { kind: 'text', text: p.text });
      }
      case 'sendPhoto': {
        const p = parseBot(SendPhotoParams, params);
        return this.deliverToChat(p.chat_id, {
          kind: 'photo',
          photo: p.photo,
          ...(p.caption ? { caption: p.caption } : {}),
        });
      }
      case 'sendChatAction':
        this.chat(parseBot(ChatActionParams, params).chat_id);
        return true;
      default:
        throw botBadRequest(`method ${method} not found`);
    }
  }

  private getUpdates(timeoutSec: number): Promise<object> | object {
    // Zalo documents no code for this; the official table has no 409, so it is a 400 here.
    if (this.webhook) throw botBadRequest('webhook is active; call deleteWebhook before getUpdates');
    const ready = this.queue.shift();
    if (ready) return ready;
    return new Promise((resolve, reject) => {
      const poll: WaitingPoll = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.polls.splice(this.polls.indexOf(poll), 1);
          reject(pollTimeout());
        }, timeoutSec * 1000),
      };
      this.polls.push(poll);
    });
  }

  private setWebhook(p: { url: string; secret_token: string }): object {
    const url = new URL(p.url);
    const localHttp =
      this.allowHttpLocalhost && url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !localHttp) throw botBadRequest('webhook url must be HTTPS');
    this.webhookUpdatedAt = this.fake.now();
    this.webhook = { url: p.url, secret: p.secret_token };
    // A waiting long poll ends: the two modes exclude each other.
    this.releasePolls();
    return { url: p.url, updated_at: this.webhookUpdatedAt };
  }

  private chat(chatId: string): BotChat {
    const chat = this.chats.get(chatId);
    if (!chat) throw botBadRequest('chat not found');
    return chat;
  }

  private deliverToChat(chatId: string, content: Omit<BotOutbound, 'messageId' | 'date'>): object {
    const chat = this.chat(chatId);
    if (this.quota !== undefined) {
      if (this.quota <= 0) throw new BotError(429, 'Quota exceeded');
      this.quota--;
    }
    const sent: BotOutbound = { messageId: hex(10), ...content, date: this.fake.now() };
    chat.inbox.push(sent);
    return { message_id: sent.messageId, date: sent.date };
  }

  /** Pushes to the webhook (resolving to its status) or queues for getUpdates (resolving to undefined). */
  async deliver(update: { event_name: string; message: object }): Promise<number | undefined> {
    if (this.webhook) {
      const body = this.envelope === 'bare' ? update : { ok: true, result: update };
      return this.fake.push('bot', this.webhook.url, JSON.stringify(body), {
        'X-Bot-Api-Secret-Token': this.webhook.secret,
      });
    }
    const poll = this.polls.shift();
    if (poll) {
      clearTimeout(poll.timer);
      poll.resolve(update);
    } else {
      this.queue.push(update);
    }
    return undefined;
  }

  /** Ends every waiting long poll with 408. */
  releasePolls(): void {
    for (const poll of this.polls.splice(0)) {
      clearTimeout(poll.timer);
      poll.reject(pollTimeout());
    }
  }
}

class BotUserDriver implements FakeZaloBotUser {
  constructor(
    private readonly fake: FakeZalo,
    private readonly platform: BotPlatform,
    private readonly chat: BotChat,
  ) {}

  get id(): string {
    return this.chat.id;
  }
  get name(): string {
    return this.chat.name;
  }
  get inbox(): BotOutbound[] {
    return this.chat.inbox;
  }

  lastText(): string | undefined {
    return lastTextOf(this.chat.inbox);
  }

  send(text: string): Promise<number | undefined> {
    return this.update('message.text.received', { text });
  }

  sendPhoto(url: string, caption?: string): Promise<number | undefined> {
    return this.update('message.image.received', { photo: url, ...(caption ? { caption } : {}) });
  }

  sendSticker(): Promise<number | undefined> {
    const sticker = hex(6);
    return this.update('message.sticker.received', {
      sticker,
      url: `https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=${sticker}`,
    });
  }

  sendUnsupported(): Promise<number | undefined> {
    return this.update('message.unsupported.received', {});
  }

  private update(eventName: string, content: object): Promise<number | undefined> {
    const message = {
      from: { id: this.id, display_name: this.name, is_bot: false },
      chat: { id: this.id, chat_type: 'PRIVATE' },
      ...content,
      message_id: hex(10),
      date: this.fake.now(),
    };
    return this.platform.deliver({ event_name: eventName, message });
  }
}

// ─── The server ──────────────────────────────────────────────────────────────

type OaRoute = (req: IncomingMessage, body: Buffer, url: URL) => Promise<object> | object;

export class FakeZalo {
  /**
   * Runs after each thing a person did reached the bot, before their action resolves: a test harness
   * sets it to wait for what the bot does after answering (its delivery queue).
   */
  afterEvent: () => Promise<void> = async () => undefined;
  readonly appId: string;
  readonly oaId: string;
  readonly pushes: Push[] = [];
  readonly now: () => number;
  private readonly appSecretKey: string;
  private readonly oaSecretKey: string;
  private readonly tokens: TokenAuthority;
  private readonly world: OaWorld;
  private readonly bot: BotPlatform;
  private readonly oaLimiter: MinuteLimiter;
  private readonly deliverEchoes: boolean;
  private readonly server: Server;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly oaRoutes: Record<string, OaRoute>;
  private oaWebhook: string | undefined;
  private baseUrl: string | undefined;

  constructor(opts: FakeZaloOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.appId = opts.appId ?? zaloNumericId();
    this.oaId = opts.oaId ?? zaloNumericId();
    this.appSecretKey = opts.appSecretKey ?? 'fake-app-secret-key';
    this.oaSecretKey = opts.oaSecretKey ?? 'fake-oa-secret-key';
    this.deliverEchoes = opts.deliverEchoes ?? false;
    this.tokens = new TokenAuthority(this.now, this.appId, this.appSecretKey);
    this.world = new OaWorld(this.now, this.oaId, opts.oaName ?? 'Công Đoàn Thử Nghiệm');
    this.oaLimiter = new MinuteLimiter(opts.oaRateLimitPerMinute ?? 4000, this.now);
    this.bot = new BotPlatform(
      this,
      opts.botToken ?? `${zaloNumericId().slice(0, 10)}:${hex(16)}`,
      opts.botRateLimitPerMinute ?? Number.POSITIVE_INFINITY,
      opts.allowHttpLocalhostWebhook ?? false,
      opts.botWebhookEnvelope ?? 'ok-result',
    );
    this.oaRoutes = {
      'POST /v3.0/oa/message/cs': (req, body) => this.sendMessage(req, body),
      'POST /v2.0/oa/upload/image': (req, body) => this.upload('image', req, body),
      'POST /v2.0/oa/upload/file': (req, body) => this.upload('file', req, body),
      'GET /v3.0/oa/user/detail': (_req, _body, url) => this.world.userDetail(url.searchParams.get('data')),
      'GET /v2.0/oa/getoa': () => this.world.getOa(),
    };
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  // ── Lifecycle ──

  async start(): Promise<void> {
    const address = await new Promise<AddressInfo>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve(this.server.address() as AddressInfo));
    });
    this.baseUrl = `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    this.bot.releasePolls();
    await Promise.allSettled([...this.inFlight]);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Base URL of every surface: OA API, OAuth and Bot API paths all hang off it. */
  get url(): string {
    if (!this.baseUrl) throw new Error('FakeZalo is not started');
    return this.baseUrl;
  }

  // ── OAuth knobs ──

  /** A fresh pair, as if an admin had just consented in the OA permission screen. */
  issueTokens(): { accessToken: string; refreshToken: string } {
    return this.tokens.issue();
  }

  /** Every access token issued so far expires now. */
  expireAccessTokens(): void {
    this.tokens.expireAll();
  }

  /** Calls to /v4/oa/access_token, successful or not. */
  get refreshCalls(): number {
    return this.tokens.refreshCalls;
  }

  // ── OA knobs ──

  setOaWebhook(url: string): void {
    this.oaWebhook = url;
  }

  /** A follower of the OA; `id`/`idByApp` fixed when the same person must come back (the playground's). */
  oaUser(init: { name: string; phone?: string; follower?: boolean; id?: string; idByApp?: string }): FakeZaloOaUser {
    const state: OaUserState = {
      id: init.id ?? zaloNumericId(),
      idByApp: init.idByApp ?? zaloNumericId(),
      name: init.name,
      phone: init.phone ?? DEFAULT_PHONE,
      follower: init.follower ?? true,
      blocked: false,
      lastInteractionAt: undefined,
      quota: undefined,
      quotaRefill: undefined,
      sharedInfo: false,
      inbox: [],
      messageIds: new Set(),
    };
    this.world.users.set(state.id, state);
    return new OaUserDriver(this, this.world, state);
  }

  /** OA API calls per minute before -32. */
  setOaRateLimit(perMinute: number): void {
    this.oaLimiter.limit = perMinute;
  }

  /** Sends the OA may still make (to anyone) before -211; undefined for no limit. */
  setOaQuota(remaining: number | undefined): void {
    this.world.oaQuota = remaining;
  }

  /** The next message/cs call (after its token check) fails with this code. */
  failNext(code: number, message = 'Injected failure'): void {
    this.world.failNext = new OaError(code, message);
  }

  // ── Bot knobs ──

  get botToken(): string {
    return this.bot.token;
  }

  botUser(init: { name: string }): FakeZaloBotUser {
    const chat: BotChat = { id: hex(10), name: init.name, inbox: [] };
    this.bot.chats.set(chat.id, chat);
    return new BotUserDriver(this, this.bot, chat);
  }

  setBotRateLimit(perMinute: number): void {
    this.bot.limiter.limit = perMinute;
  }

  /** Messages the bot may still send before 429; undefined for no limit. */
  setBotQuota(remaining: number | undefined): void {
    this.bot.quota = remaining;
  }

  // ── Pushes ──

  /** Signs and pushes an OA event body to the OA webhook. */
  pushOa(event: object): Promise<number> {
    if (!this.oaWebhook) throw new Error('no OA webhook: call setOaWebhook(url) first');
    const rawBody = JSON.stringify(event);
    const { app_id, timestamp } = event as { app_id: string; timestamp: string };
    return this.push('oa', this.oaWebhook, rawBody, {
      'X-ZEvent-Signature': zaloOaMac(rawBody, app_id, timestamp, this.oaSecretKey),
    });
  }

  /** Posts exactly this body and these headers, unsigned, to the OA webhook or `url`: for forged or malformed pushes. */
  pushRaw(body: string | object, headers: Record<string, string> = {}, url = this.oaWebhook): Promise<number> {
    if (!url) throw new Error('no webhook url');
    return this.push(
      url === this.oaWebhook ? 'oa' : 'bot',
      url,
      typeof body === 'string' ? body : JSON.stringify(body),
      headers,
    );
  }

  /** Delivers an earlier push again, byte for byte: Zalo's duplicate delivery. */
  resend(push: Push): Promise<number> {
    return this.push(push.surface, push.url, push.rawBody, push.headers);
  }

  get lastPush(): Push | undefined {
    return this.pushes.at(-1);
  }

  /** @internal used by the drivers */
  push(surface: Push['surface'], url: string, rawBody: string, headers: Record<string, string>): Promise<number> {
    const pending = postWebhook(url, rawBody, headers).then(async (status) => {
      this.pushes.push({ surface, url, rawBody, headers, status });
      // A webhook may answer before handling the event: the harness waits for the handling too.
      await this.afterEvent();
      return status;
    });
    return this.track(pending);
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    const settled = () => this.inFlight.delete(promise);
    promise.then(settled, settled);
    return promise;
  }

  // ── HTTP ──

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    if (url.pathname.startsWith('/bot')) return this.handleBot(req, res, body, url);
    if (url.pathname === '/v4/oa/access_token' && req.method === 'POST')
      return sendJson(res, 200, this.tokens.exchange(req, body));
    const route = this.oaRoutes[`${req.method} ${url.pathname}`];
    if (!route) return sendJson(res, 404, { error: 404, message: 'Not found' });
    return this.handleOa(req, res, body, url, route);
  }

  /** Rate limit, then token, then the route; every failure is HTTP 200 `{error, message}`. */
  private async handleOa(
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    url: URL,
    route: OaRoute,
  ): Promise<void> {
    const { allowed, remain } = this.oaLimiter.take();
    const headers = { 'X-RateLimit-Limit': String(this.oaLimiter.limit), 'X-RateLimit-Remain': String(remain) };
    try {
      if (!allowed) throw oaError(OA_ERRORS.rateLimited);
      const token = req.headers['access_token'];
      this.tokens.check(typeof token === 'string' ? token : undefined);
      const data = await route(req, body, url);
      sendJson(res, 200, { error: 0, message: 'Success', data }, headers);
    } catch (error) {
      if (!(error instanceof OaError))
        return sendJson(res, 500, { error: -1, message: `fake failed: ${String(error)}` });
      sendJson(res, 200, { error: error.code, message: error.message }, headers);
    }
  }

  private sendMessage(req: IncomingMessage, body: Buffer): object {
    const json = mediaType(req) === 'application/json' ? parseJsonObject(body.toString('utf8')) : undefined;
    if (!json) throw invalid('body');
    const { user, message } = this.world.send(json);
    if (this.deliverEchoes && this.oaWebhook) void this.pushEcho(user, message);
    return this.world.sendResult(user, message);
  }

  private async upload(kind: 'image' | 'file', req: IncomingMessage, body: Buffer): Promise<object> {
    if (mediaType(req) !== 'multipart/form-data') throw invalid('file');
    const form = await parseMultipart(req, body).catch(() => throwError(invalid('file')));
    const id = await this.world.upload(kind, form);
    return kind === 'image' ? { attachment_id: id } : { token: id };
  }

  /** `oa_send_*`: sender and recipient swapped, sender = OA. */
  private pushEcho(user: OaUserState, message: OaOutbound): Promise<number> {
    const eventName =
      message.kind === 'image' ? 'oa_send_image' : message.kind === 'file' ? 'oa_send_file' : 'oa_send_text';
    return this.pushOa({
      app_id: this.appId,
      user_id_by_app: user.idByApp,
      event_name: eventName,
      timestamp: String(message.sentAt),
      sender: { id: this.oaId },
      recipient: { id: user.id },
      message: { msg_id: message.messageId, ...(message.text === undefined ? {} : { text: message.text }) },
    });
  }

  private async handleBot(req: IncomingMessage, res: ServerResponse, body: Buffer, url: URL): Promise<void> {
    const route = /^\/bot([^/]+)\/([^/]*)$/.exec(url.pathname);
    const answer = (status: number, payload: object) => sendJson(res, status, payload);
    if (!route) return answer(404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method = ''] = route;
    try {
      if (decodeURIComponent(token ?? '') !== this.bot.token) throw new BotError(401, 'Unauthorized');
      const params = { ...Object.fromEntries(url.searchParams), ...(await botBodyParams(req, body)) };
      const result = await this.track(this.bot.call(method, params));
      answer(200, { ok: true, result });
    } catch (error) {
      const failure = error instanceof BotError ? error : new BotError(500, `fake failed: ${String(error)}`);
      answer(failure.code, { ok: false, error_code: failure.code, description: failure.description });
    }
  }
}

async function botBodyParams(req: IncomingMessage, body: Buffer): Promise<BotParams> {
  if (body.length === 0) return {};
  switch (mediaType(req)) {
    case 'application/json':
      return parseJsonObject(body.toString('utf8')) ?? throwError(botBadRequest('body must be a JSON object'));
    case 'application/x-www-form-urlencoded':
      return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
    case 'multipart/form-data': {
      const form = await parseMultipart(req, body);
      return Object.fromEntries(
        [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
    }
    default:
      throw botBadRequest('unsupported content type');
  }
}
