import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { findMember, type MemberRecord } from './members.service.js';
import { digestOf } from './signed-links.service.js';

/** A login link works once, within 15 minutes of being asked for. */
export const LOGIN_LINK_TTL_MS = 15 * 60_000;
/** A dashboard session lasts a working day; then /dashboard in chat gives a new link. */
export const SESSION_TTL_MS = 12 * 3_600_000;

const linkKey = (token: string) => `dashboard:link:${digestOf(token)}`;
const sessionKey = (id: string) => `dashboard:session:${digestOf(id)}`;
const Entry = z.object({ memberId: z.string(), expiresAt: z.number() });

/**
 * Who may open the dashboard: members with a role (officers, support members, admins); each sees the units
 * of their roles and what lies under them.
 */
export const mayUseDashboard = (member: Pick<MemberRecord, 'roles'>): boolean => member.roles.length > 0;

/**
 * The dashboard's logins live in Redis, shared by every bot process: a link's token and a session's id
 * are random and kept only as digests, each with its end by the app's clock (Redis forgets them soon after).
 */
export class DashboardAccess {
  constructor(private readonly redis: Redis) {}

  /** A fresh one-time login token for the member. */
  async issueLink(memberId: Types.ObjectId, now: Date): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.store(linkKey(token), String(memberId), now, LOGIN_LINK_TTL_MS);
    return token;
  }

  /** Whether a login token is still good (not used, not expired), without using it. */
  async linkValid(token: string, now: Date): Promise<boolean> {
    return (await this.read(linkKey(token), now, (key) => this.redis.get(key))) !== null;
  }

  /** Uses a login token (once: a second use finds nothing) and opens a session; null for a used or expired one. */
  async redeemLink(token: string, now: Date): Promise<{ sessionId: string; member: MemberRecord } | null> {
    const memberId = await this.read(linkKey(token), now, (key) => this.redis.getdel(key));
    const member = memberId ? await findMember(new Types.ObjectId(memberId)) : null;
    if (!member || !mayUseDashboard(member)) return null;
    const sessionId = randomBytes(24).toString('base64url');
    await this.store(sessionKey(sessionId), memberId!, now, SESSION_TTL_MS);
    return { sessionId, member };
  }

  /** The member of a session, read afresh (their roles as they are now); null once it ended or they lost every role. */
  async sessionMember(sessionId: string, now: Date): Promise<MemberRecord | null> {
    const memberId = await this.read(sessionKey(sessionId), now, (key) => this.redis.get(key));
    const member = memberId ? await findMember(new Types.ObjectId(memberId)) : null;
    return member && mayUseDashboard(member) ? member : null;
  }

  async endSession(sessionId: string): Promise<void> {
    await this.redis.del(sessionKey(sessionId));
  }

  private async store(key: string, memberId: string, now: Date, ttlMs: number): Promise<void> {
    const entry = { memberId, expiresAt: now.getTime() + ttlMs };
    await this.redis.set(key, JSON.stringify(entry), 'PX', ttlMs);
  }

  private async read(key: string, now: Date, get: (key: string) => Promise<string | null>): Promise<string | null> {
    const raw = await get(key);
    const entry = raw ? Entry.safeParse(JSON.parse(raw)) : null;
    return entry?.success && entry.data.expiresAt > now.getTime() && Types.ObjectId.isValid(entry.data.memberId)
      ? entry.data.memberId
      : null;
  }
}
