import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';

const SECRET_KEY = 'signing-secret';

/**
 * The key every process signs and checks links with: made once, at random, and kept in Redis (SET NX), so
 * the bot and worker processes agree without a setting. A new Redis makes a new key: links signed before
 * stop working, as they would once expired.
 */
export class LinkSigner {
  private secret: Promise<Buffer> | null = null;

  constructor(private readonly redis: Redis) {}

  /** The signature of `payload`, base64url. */
  async sign(payload: string): Promise<string> {
    return createHmac('sha256', await this.key())
      .update(payload)
      .digest('base64url');
  }

  /** Whether `signature` is that of `payload` (compared in constant time). */
  async verify(payload: string, signature: string): Promise<boolean> {
    const expected = Buffer.from(await this.sign(payload));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private key(): Promise<Buffer> {
    this.secret ??= (async () => {
      await this.redis.set(SECRET_KEY, randomBytes(32).toString('base64'), 'NX');
      const stored = await this.redis.get(SECRET_KEY);
      if (!stored) throw new Error('the signing key is missing from Redis right after it was set');
      return Buffer.from(stored, 'base64');
    })();
    this.secret.catch(() => (this.secret = null));
    return this.secret;
  }
}

/** A secret's Redis key: its digest, so what is stored (or logged by Redis) cannot be used as the secret. */
export const digestOf = (secret: string): string => createHash('sha256').update(secret).digest('base64url');
