import { z } from 'zod';
import { toBotUpdate, type ZaloBotUpdate } from './bot-update.js';
import { sendAtOnce, type MessageHook } from './pacing.js';

/**
 * A typed client of the Zalo Bot Platform: `<apiRoot>/bot<TOKEN>/<method>`, answers
 * `{ok:true,result}` or `{ok:false,error_code,description}`. Error messages never carry the URL
 * (it holds the token).
 */

export class ZaloBotError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly method: string,
  ) {
    super(`Zalo Bot API ${method} failed: ${errorCode} ${description}`);
    this.name = 'ZaloBotError';
  }

  /** Over the plan's quota or a rate limit: back off. */
  get isRateLimited(): boolean {
    return this.errorCode === 429;
  }
}

export interface ZaloBotInfo {
  id: string;
  accountName: string;
  accountType: string;
  canJoinGroups: boolean;
}

export interface ZaloBotSent {
  messageId: string;
  /** Epoch ms. */
  date: number;
}

export interface ZaloBotWebhookInfo {
  /** '' when no webhook is set. */
  url: string;
  updatedAt: number | null;
}

const Answer = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error_code: z.number(), description: z.string().default('') }),
]);
const Me = z.object({
  id: z.string(),
  account_name: z.string(),
  account_type: z.string().default(''),
  can_join_groups: z.boolean().default(false),
});
const Sent = z.object({ message_id: z.string(), date: z.number() });
const WebhookInfo = z.object({ url: z.string().default(''), updated_at: z.number().optional() });

/** getUpdates answers 408 when no update arrived within the timeout: not an error. */
const NO_UPDATE = 408;
const REQUEST_TIMEOUT_MS = 15_000;
/** The HTTP timeout of a long poll is a little above the poll's own. */
const POLL_GRACE_MS = 10_000;

export class ZaloBotApi {
  private readonly base: string;
  /** Every message goes through it (the pacer, in the bot and the worker). */
  private readonly messages: MessageHook;

  constructor(opts: { apiRoot: string; token: string; messages?: MessageHook }) {
    this.base = `${opts.apiRoot.replace(/\/+$/, '')}/bot${opts.token}`;
    this.messages = opts.messages ?? sendAtOnce;
  }

  async getMe(): Promise<ZaloBotInfo> {
    const me = Me.parse(await this.call('getMe', {}));
    return { id: me.id, accountName: me.account_name, accountType: me.account_type, canJoinGroups: me.can_join_groups };
  }

  /**
   * Waits up to `timeoutSec` for updates; [] when none came (408). There is no offset: the server
   * keeps the cursor. Zalo documents one update per answer; some SDKs see an array, so both are read.
   */
  async getUpdates(timeoutSec: number, signal?: AbortSignal): Promise<ZaloBotUpdate[]> {
    let result: unknown;
    try {
      result = await this.call(
        'getUpdates',
        { timeout: String(timeoutSec) },
        timeoutSec * 1000 + POLL_GRACE_MS,
        signal,
      );
    } catch (error) {
      if (error instanceof ZaloBotError && error.errorCode === NO_UPDATE) return [];
      throw error;
    }
    return (Array.isArray(result) ? result : [result]).map((raw) => {
      const update = toBotUpdate(raw);
      if (!update) throw new Error('Zalo Bot API getUpdates returned something that is not an update');
      return update;
    });
  }

  /** `url` must be HTTPS; `secretToken` 8–256 characters, echoed in X-Bot-Api-Secret-Token. */
  async setWebhook(url: string, secretToken: string): Promise<ZaloBotWebhookInfo> {
    return webhookInfo(await this.call('setWebhook', { url, secret_token: secretToken }));
  }

  async deleteWebhook(): Promise<ZaloBotWebhookInfo> {
    return webhookInfo(await this.call('deleteWebhook', {}));
  }

  async getWebhookInfo(): Promise<ZaloBotWebhookInfo> {
    return webhookInfo(await this.call('getWebhookInfo', {}));
  }

  /** 1–2000 characters; split longer text before calling. */
  async sendMessage(chatId: string, text: string): Promise<ZaloBotSent> {
    return sent(await this.messages(chatId, () => this.call('sendMessage', { chat_id: chatId, text })));
  }

  /** `url` must be publicly reachable; caption ≤2000 characters. */
  async sendPhoto(chatId: string, url: string, caption?: string): Promise<ZaloBotSent> {
    const params = { chat_id: chatId, photo: url, ...(caption ? { caption } : {}) };
    return sent(await this.messages(chatId, () => this.call('sendPhoto', params)));
  }

  async sendChatAction(chatId: string, action: 'typing' | 'upload_photo' = 'typing'): Promise<void> {
    await this.call('sendChatAction', { chat_id: chatId, action });
  }

  private async call(
    method: string,
    params: Record<string, string>,
    timeoutMs = REQUEST_TIMEOUT_MS,
    stop?: AbortSignal,
  ): Promise<unknown> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const res = await fetch(`${this.base}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
      signal: stop ? AbortSignal.any([timeout, stop]) : timeout,
    });
    const answer = Answer.safeParse(await res.json().catch(() => undefined));
    if (!answer.success) throw new Error(`Zalo Bot API ${method} answered HTTP ${res.status} without a Bot API body`);
    if (!answer.data.ok) throw new ZaloBotError(answer.data.error_code, answer.data.description, method);
    return answer.data.result;
  }
}

function sent(result: unknown): ZaloBotSent {
  const s = Sent.parse(result);
  return { messageId: s.message_id, date: s.date };
}

function webhookInfo(result: unknown): ZaloBotWebhookInfo {
  const w = WebhookInfo.parse(result);
  return { url: w.url, updatedAt: w.updated_at ?? null };
}
