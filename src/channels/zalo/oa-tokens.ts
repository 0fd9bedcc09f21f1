import { z } from 'zod';
import type { Logger } from '../../logger.js';
import type { OaTokenProvider } from './oa-api.js';
import type { Lock } from '../../core/lock.js';

/**
 * OA access tokens live 25 h; refresh tokens are single use and rotate on every refresh (zalo.md §1.7).
 * So: one refresh at a time across processes (a Redis lock), the store re-read inside the lock, and
 * the rotated pair saved before its access token is used. Tokens never reach the logs.
 */

export interface OaTokenPair {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
}

export interface OaTokenStore {
  load(appId: string): Promise<OaTokenPair | null>;
  save(appId: string, pair: OaTokenPair): Promise<void>;
}

/** Zalo will not give us a token without an admin: nothing stored yet, or the refresh token was refused. */
export class ZaloOaAuthError extends Error {
  constructor(
    readonly reason: 'no_tokens' | 'refresh_refused',
    /** Zalo's error code when it refused the refresh. */
    readonly code: number | null,
    detail: string,
  ) {
    super(`Zalo OA authorisation lost (${reason}): ${detail}. An OA admin must grant the app access again.`);
    this.name = 'ZaloOaAuthError';
  }
}

const REFRESH_TIMEOUT_MS = 10_000;
/** Refresh when less than this is left of the 25 h: well before expiry, and about 4 times a day. */
const DEFAULT_REFRESH_MARGIN_MS = 5 * 3_600_000;

const Refreshed = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  // Documented as a string ("90000"); a number is accepted too.
  expires_in: z.union([z.string(), z.number()]).transform(Number).pipe(z.number().positive()),
});

const Refused = z.object({
  error: z.number(),
  error_name: z.string().optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
});

export interface OaTokenManagerOptions {
  /** e.g. https://oauth.zaloapp.com */
  oauthRoot: string;
  appId: string;
  appSecretKey: string;
  store: OaTokenStore;
  lock: Lock;
  clock: { now(): Date };
  refreshMarginMs?: number;
  log?: Logger;
}

export class OaTokenManager implements OaTokenProvider {
  private readonly opts: OaTokenManagerOptions;
  private readonly refreshMarginMs: number;

  constructor(opts: OaTokenManagerOptions) {
    this.opts = { ...opts, oauthRoot: opts.oauthRoot.replace(/\/+$/, '') };
    this.refreshMarginMs = opts.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  }

  async accessToken(): Promise<string> {
    const pair = await this.load();
    return this.isFresh(pair) ? pair.accessToken : this.refresh(pair.accessToken);
  }

  refreshAfterFailure(failedToken: string): Promise<string> {
    return this.refresh(failedToken);
  }

  /** Replaces `staleToken` unless another process already did while this one waited for the lock. */
  private refresh(staleToken: string): Promise<string> {
    return this.opts.lock.withLock(`zalo-oa-token-refresh:${this.opts.appId}`, async () => {
      const current = await this.load();
      if (current.accessToken !== staleToken && this.isFresh(current)) return current.accessToken;
      const next = await this.exchange(current.refreshToken);
      // Zalo has already burnt the old refresh token: an unsaved pair would mean a new consent.
      await this.opts.store.save(this.opts.appId, next);
      this.opts.log?.info({ appId: this.opts.appId, accessExpiresAt: next.accessExpiresAt }, 'zalo oa token refreshed');
      return next.accessToken;
    });
  }

  private async exchange(refreshToken: string): Promise<OaTokenPair> {
    const res = await fetch(`${this.opts.oauthRoot}/v4/oa/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: this.opts.appSecretKey },
      body: new URLSearchParams({ app_id: this.opts.appId, grant_type: 'refresh_token', refresh_token: refreshToken }),
      signal: AbortSignal.timeout(REFRESH_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`Zalo OAuth answered HTTP ${res.status}`);
    const body: unknown = await res.json();
    const refreshed = Refreshed.safeParse(body);
    if (refreshed.success) {
      const { access_token, refresh_token, expires_in } = refreshed.data;
      return {
        accessToken: access_token,
        refreshToken: refresh_token,
        accessExpiresAt: new Date(this.opts.clock.now().getTime() + expires_in * 1000),
      };
    }
    // Zalo documents no refresh error: any other answer means the refresh token is gone.
    const refused = Refused.safeParse(body);
    const detail = refused.success
      ? (refused.data.error_description ?? refused.data.error_name ?? refused.data.message ?? 'refresh refused')
      : 'unrecognised answer';
    this.opts.log?.error(
      { appId: this.opts.appId, code: refused.data?.error ?? null },
      'zalo oa token refresh refused',
    );
    throw new ZaloOaAuthError('refresh_refused', refused.data?.error ?? null, detail);
  }

  private async load(): Promise<OaTokenPair> {
    const pair = await this.opts.store.load(this.opts.appId);
    if (!pair) throw new ZaloOaAuthError('no_tokens', null, `no token pair stored for app ${this.opts.appId}`);
    return pair;
  }

  private isFresh(pair: OaTokenPair): boolean {
    return pair.accessExpiresAt.getTime() - this.opts.clock.now().getTime() > this.refreshMarginMs;
  }
}
