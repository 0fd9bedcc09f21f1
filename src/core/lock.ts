import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Mutual exclusion between processes for the duration of `fn`. */
export interface Lock {
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/** Deletes the key only if this owner still holds it: an expired lock retaken by another process stays theirs. */
const RELEASE_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * SET NX PX lock on one Redis. The TTL frees the lock of a process that died holding it, so it must
 * exceed the longest `fn` (a token refresh has a 10 s request timeout).
 */
export class RedisLock implements Lock {
  private readonly ttlMs: number;
  private readonly waitMs: number;
  private readonly retryMs: number;

  constructor(
    private readonly redis: Redis,
    opts: { ttlMs?: number; waitMs?: number; retryMs?: number } = {},
  ) {
    this.ttlMs = opts.ttlMs ?? 30_000;
    this.waitMs = opts.waitMs ?? 35_000;
    this.retryMs = opts.retryMs ?? 50;
  }

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const owner = randomBytes(16).toString('hex');
    const deadline = Date.now() + this.waitMs;
    while (!(await this.take(key, owner))) {
      if (Date.now() > deadline) throw new Error(`timed out after ${this.waitMs} ms waiting for lock ${key}`);
      await new Promise((resolve) => setTimeout(resolve, this.retryMs));
    }
    return this.holding(key, owner, fn);
  }

  /** Runs `fn` only if the lock is free now; null when another holds it. */
  async ifFree<T>(key: string, fn: () => Promise<T>): Promise<T | null> {
    const owner = randomBytes(16).toString('hex');
    return (await this.take(key, owner)) ? this.holding(key, owner, fn) : null;
  }

  private async take(key: string, owner: string): Promise<boolean> {
    return (await this.redis.set(key, owner, 'PX', this.ttlMs, 'NX')) === 'OK';
  }

  private async holding<T>(key: string, owner: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } finally {
      await this.redis.eval(RELEASE_IF_OWNER, 1, key, owner);
    }
  }
}
