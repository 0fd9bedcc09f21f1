import type { IncomingMessage } from 'node:http';
import { SESSION_TTL_MS } from '../services/dashboard-access.service.js';

const COOKIE = 'sk_dashboard';

/** The session id the browser sent, if any. */
export function sessionIdOf(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=') || null;
  }
  return null;
}

/**
 * The session cookie: not readable by scripts (HttpOnly), not sent with other sites' requests
 * (SameSite=Lax, so a form posted from elsewhere carries no session), only over HTTPS when the dashboard
 * is served over HTTPS, and only to the dashboard's paths.
 */
export const sessionCookie = (id: string, secure: boolean): string =>
  `${COOKIE}=${id}; Path=/dashboard; Max-Age=${SESSION_TTL_MS / 1000}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;

export const clearedCookie = (secure: boolean): string =>
  `${COOKIE}=; Path=/dashboard; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
