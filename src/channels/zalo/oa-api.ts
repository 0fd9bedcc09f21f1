import { z } from 'zod';
import { sendAtOnce, type MessageHook } from './pacing.js';

/**
 * A typed client of the Zalo Official Account Open API (v3 messaging, v2 uploads and getoa).
 * Zalo answers application errors with HTTP 200 and `{error: <negative>, message}`; they become
 * ZaloOaError. Ids stay strings: they are longer than 2^53.
 */

export type OaRecipient = { userId: string } | { messageId: string };

/** Where access tokens come from; ZaloOaApi reports a token Zalo refused so the provider replaces it. */
export interface OaTokenProvider {
  accessToken(): Promise<string>;
  /** Called with the token Zalo refused (-216/-220); resolves to one to retry with. */
  refreshAfterFailure(failedToken: string): Promise<string>;
}

export type ZaloOaErrorKind = 'token' | 'rate' | 'window' | 'quota' | 'too_long' | 'invalid' | 'night' | 'config';

const KIND_BY_CODE = new Map<number, ZaloOaErrorKind>([
  [-216, 'token'],
  [-220, 'token'],
  [-32, 'rate'],
  [-213, 'window'],
  [-217, 'window'],
  [-227, 'window'],
  [-230, 'window'],
  [-232, 'window'],
  [-244, 'window'],
  [-211, 'quota'],
  [-218, 'quota'],
  [-210, 'too_long'],
  [-201, 'invalid'],
  [-100, 'invalid'],
  [-248, 'invalid'],
  [-234, 'night'],
]);

export function classifyOaError(code: number): ZaloOaErrorKind {
  return KIND_BY_CODE.get(code) ?? 'config';
}

export class ZaloOaError extends Error {
  readonly kind: ZaloOaErrorKind;

  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`Zalo OA error ${code}: ${message}`);
    this.name = 'ZaloOaError';
    this.kind = classifyOaError(code);
  }
}

export interface OaSent {
  messageId: string;
  userId: string;
  sentTime: string;
  /** Null when Zalo billed the message (outside the free 48 h). */
  quotaType: string | null;
}

export interface OaUserDetail {
  userId: string;
  userIdByApp: string | null;
  displayName: string;
  isFollower: boolean;
  /** "DD/MM/YYYY" as Zalo reports it, or null when never. */
  lastInteractionDate: string | null;
  avatarUrl: string | null;
  sharedInfo: { name: string | null; phone: string | null } | null;
}

export interface OaInfo {
  oaId: string;
  name: string;
}

export interface OaButton {
  title: string;
  payload: string;
}

const Envelope = z.object({ error: z.number(), message: z.string().default(''), data: z.unknown().optional() });

const SentData = z.object({
  message_id: z.string(),
  user_id: z.string(),
  sent_time: z.string(),
  quota: z.object({ quota_type: z.string() }).optional(),
});

const UserDetailData = z.object({
  user_id: z.string(),
  // Zalo documents these as optional and sends null for some (shared_info: null when nothing was shared).
  user_id_by_app: z.string().nullish(),
  display_name: z.string().nullish(),
  user_is_follower: z.boolean().nullish(),
  user_last_interaction_date: z.string().nullish(),
  avatars: z.record(z.string(), z.string()).nullish(),
  avatar: z.string().nullish(),
  shared_info: z.object({ name: z.string().nullish(), phone: z.string().nullish() }).nullish(),
});

const OaInfoData = z.object({ oa_id: z.string(), name: z.string() });
const ImageUploadData = z.object({ attachment_id: z.string() });
const FileUploadData = z.object({ token: z.string() });

const REQUEST_TIMEOUT_MS = 15_000;

type Call = { method: 'GET' | 'POST'; path: string; body?: BodyInit; json?: boolean };

export class ZaloOaApi {
  private readonly apiRoot: string;
  private readonly tokens: OaTokenProvider;
  /** Every message goes through it (the pacer, in the bot and the worker). */
  private readonly messages: MessageHook;

  constructor(opts: { apiRoot: string; tokens: OaTokenProvider; messages?: MessageHook }) {
    this.apiRoot = opts.apiRoot.replace(/\/+$/, '');
    this.tokens = opts.tokens;
    this.messages = opts.messages ?? sendAtOnce;
  }

  sendText(to: OaRecipient, text: string, opts: { quoteMessageId?: string } = {}): Promise<OaSent> {
    return this.send(to, { text, ...(opts.quoteMessageId ? { quote_message_id: opts.quoteMessageId } : {}) });
  }

  /** Text with up to 5 `oa.query.hide` buttons; a press comes back as a user_send_text carrying the payload, not shown in the chat. */
  sendButtons(to: OaRecipient, text: string, buttons: OaButton[]): Promise<OaSent> {
    const payload = { buttons: buttons.map((b) => ({ title: b.title, type: 'oa.query.hide', payload: b.payload })) };
    return this.send(to, { text, attachment: { type: 'template', payload } });
  }

  sendImage(to: OaRecipient, image: { attachmentId: string } | { url: string }, caption?: string): Promise<OaSent> {
    const element =
      'attachmentId' in image
        ? { media_type: 'image', attachment_id: image.attachmentId }
        : { media_type: 'image', url: image.url };
    return this.send(to, {
      ...(caption ? { text: caption } : {}),
      attachment: { type: 'template', payload: { template_type: 'media', elements: [element] } },
    });
  }

  /** `token` from uploadFile. */
  sendFile(to: OaRecipient, token: string): Promise<OaSent> {
    return this.send(to, { attachment: { type: 'file', payload: { token } } });
  }

  /** Zalo's form asking for name and phone; the answer arrives later as a user_submit_info event. */
  requestUserInfo(to: OaRecipient, form: { title: string; subtitle: string; imageUrl: string }): Promise<OaSent> {
    const element = { title: form.title, subtitle: form.subtitle, image_url: form.imageUrl };
    return this.send(to, {
      attachment: { type: 'template', payload: { template_type: 'request_user_info', elements: [element] } },
    });
  }

  /** jpg/png ≤1 MB; resolves to the attachment_id for sendImage (valid 7 days). */
  async uploadImage(bytes: Uint8Array, fileName: string, mime: string): Promise<string> {
    const data = await this.call({
      method: 'POST',
      path: '/v2.0/oa/upload/image',
      body: fileForm(bytes, fileName, mime),
    });
    return ImageUploadData.parse(data).attachment_id;
  }

  /** pdf/doc/docx ≤5 MB; resolves to the token for sendFile (valid 7 days). */
  async uploadFile(bytes: Uint8Array, fileName: string, mime: string): Promise<string> {
    const data = await this.call({
      method: 'POST',
      path: '/v2.0/oa/upload/file',
      body: fileForm(bytes, fileName, mime),
    });
    return FileUploadData.parse(data).token;
  }

  async userDetail(userId: string): Promise<OaUserDetail> {
    const query = encodeURIComponent(JSON.stringify({ user_id: userId }));
    const d = UserDetailData.parse(await this.call({ method: 'GET', path: `/v3.0/oa/user/detail?data=${query}` }));
    return {
      userId: d.user_id,
      userIdByApp: d.user_id_by_app || null,
      displayName: d.display_name ?? '',
      isFollower: d.user_is_follower ?? false,
      lastInteractionDate: d.user_last_interaction_date || null,
      avatarUrl: d.avatars?.['240'] ?? (d.avatar || null),
      sharedInfo: d.shared_info ? { name: d.shared_info.name || null, phone: d.shared_info.phone || null } : null,
    };
  }

  /** The OA itself; cheap enough for a health check. */
  async getOa(): Promise<OaInfo> {
    const d = OaInfoData.parse(await this.call({ method: 'GET', path: '/v2.0/oa/getoa' }));
    return { oaId: d.oa_id, name: d.name };
  }

  private async send(to: OaRecipient, message: Record<string, unknown>): Promise<OaSent> {
    const recipient = 'userId' in to ? { user_id: to.userId } : { message_id: to.messageId };
    const body = JSON.stringify({ recipient, message });
    const chat = 'userId' in to ? to.userId : to.messageId;
    const answer = await this.messages(chat, () =>
      this.call({ method: 'POST', path: '/v3.0/oa/message/cs', body, json: true }),
    );
    const d = SentData.parse(answer);
    return {
      messageId: d.message_id,
      userId: d.user_id,
      sentTime: d.sent_time,
      quotaType: d.quota?.quota_type ?? null,
    };
  }

  /** One call; when Zalo refuses the token, one more with the token the provider replaced it with. */
  private async call(call: Call): Promise<unknown> {
    const token = await this.tokens.accessToken();
    try {
      return await this.request(call, token);
    } catch (error) {
      if (!(error instanceof ZaloOaError) || error.kind !== 'token') throw error;
      return this.request(call, await this.tokens.refreshAfterFailure(token));
    }
  }

  private async request(call: Call, token: string): Promise<unknown> {
    const res = await fetch(`${this.apiRoot}${call.path}`, {
      method: call.method,
      headers: { access_token: token, ...(call.json ? { 'content-type': 'application/json' } : {}) },
      body: call.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    // Not an application error: Zalo's gateway or the network. The caller retries these like a timeout.
    if (!res.ok) throw new Error(`Zalo OA API ${call.method} ${call.path.split('?')[0]} answered HTTP ${res.status}`);
    const envelope = Envelope.parse(await res.json());
    if (envelope.error !== 0) throw new ZaloOaError(envelope.error, envelope.message);
    return envelope.data;
  }
}

function fileForm(bytes: Uint8Array, fileName: string, mime: string): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: mime }), fileName);
  return form;
}
