import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ZaloOaApi } from '../../src/channels/zalo/oa-api.js';
import { MongoOaTokenStore } from '../../src/services/zalo-tokens.service.js';
import { OaTokenManager, ZaloOaAuthError } from '../../src/channels/zalo/oa-tokens.js';
import { RedisLock } from '../../src/core/lock.js';
import { createLogger } from '../../src/logger.js';
import { createRedis } from '../../src/redis.js';
import { FakeZalo } from '../../src/playground/fakes/zalo-server.js';
import { testRedisUrl, useTestDatabase } from '../support/servers.js';

const APP_SECRET = 'app-secret';
const HOUR = 3_600_000;

useTestDatabase();

const keyPrefix = `sk-test-${randomBytes(4).toString('hex')}:`;
const redises = [createRedis(testRedisUrl(), keyPrefix), createRedis(testRedisUrl(), keyPrefix)];
afterAll(() => Promise.all(redises.map((r) => r.quit())));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let clock = 0;

async function startFake(): Promise<FakeZalo> {
  clock = Date.UTC(2026, 9, 1, 3);
  const fake = new FakeZalo({ now: () => clock, appSecretKey: APP_SECRET });
  await fake.start();
  cleanups.push(() => fake.stop());
  return fake;
}

/** What an admin's consent leaves in the store. */
async function consent(fake: FakeZalo): Promise<{ accessToken: string; refreshToken: string }> {
  const pair = fake.issueTokens();
  await new MongoOaTokenStore().save(fake.appId, { ...pair, accessExpiresAt: new Date(clock + 25 * HOUR) });
  return pair;
}

/** One "process": its own Redis connection, store and manager, sharing Redis and Mongo with the others. */
function processOf(fake: FakeZalo, redisIndex: number, log?: ReturnType<typeof createLogger>): OaTokenManager {
  return new OaTokenManager({
    oauthRoot: fake.url,
    appId: fake.appId,
    appSecretKey: APP_SECRET,
    store: new MongoOaTokenStore(),
    lock: new RedisLock(redises[redisIndex]!),
    clock: { now: () => new Date(clock) },
    ...(log ? { log } : {}),
  });
}

function memoryLog(): { log: ReturnType<typeof createLogger>; text: () => string } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger('info', sink), text: () => lines.join('') };
}

describe('OaTokenManager', () => {
  it('returns the stored token while it is fresh and refreshes within 5 h of expiry, saving the rotated pair', async () => {
    const fake = await startFake();
    const first = await consent(fake);
    const tokens = processOf(fake, 0);
    expect(await tokens.accessToken()).toBe(first.accessToken);
    expect(fake.refreshCalls).toBe(0);

    clock += 20 * HOUR + 1;
    const next = await tokens.accessToken();
    expect(next).not.toBe(first.accessToken);
    expect(fake.refreshCalls).toBe(1);
    const saved = await new MongoOaTokenStore().load(fake.appId);
    expect(saved).toEqual({
      accessToken: next,
      refreshToken: expect.any(String),
      accessExpiresAt: new Date(clock + 25 * HOUR),
    });
    expect(saved?.refreshToken).not.toBe(first.refreshToken);
  });

  it('lets two processes racing on an expired token refresh once, and both succeed', async () => {
    const fake = await startFake();
    await consent(fake);
    const lan = fake.oaUser({ name: 'Lan' });
    fake.setOaWebhook('http://127.0.0.1:9/unused');
    await lan.send('xin chào');
    const [a, b] = [0, 1].map((i) => new ZaloOaApi({ apiRoot: fake.url, tokens: processOf(fake, i) }));
    fake.expireAccessTokens();

    const sent = await Promise.all([a!.sendText({ userId: lan.id }, 'từ A'), b!.sendText({ userId: lan.id }, 'từ B')]);
    expect(sent.map((s) => s.userId)).toEqual([lan.id, lan.id]);
    expect(fake.refreshCalls).toBe(1);
  });

  it('lets two processes racing on an almost expired token refresh once', async () => {
    const fake = await startFake();
    await consent(fake);
    clock += 24 * HOUR;
    const got = await Promise.all([processOf(fake, 0).accessToken(), processOf(fake, 1).accessToken()]);
    expect(got[0]).toBe(got[1]);
    expect(fake.refreshCalls).toBe(1);
  });

  it('fails with ZaloOaAuthError, without logging tokens, when Zalo refuses the refresh token', async () => {
    const fake = await startFake();
    const { refreshToken } = await consent(fake);
    // Someone used the refresh token behind our back: it is spent.
    await fetch(`${fake.url}/v4/oa/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: APP_SECRET },
      body: new URLSearchParams({ app_id: fake.appId, grant_type: 'refresh_token', refresh_token: refreshToken }),
    });
    const { log, text } = memoryLog();
    const tokens = processOf(fake, 0, log);
    clock += 24 * HOUR;

    const error = await tokens.accessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloOaAuthError);
    expect(error).toMatchObject({ reason: 'refresh_refused', code: -14014 });
    expect((error as Error).message).not.toContain(refreshToken);
    expect(text()).toContain('refresh refused');
    expect(text()).not.toContain(refreshToken);
  });

  it('says an admin must consent when nothing is stored', async () => {
    const fake = await startFake();
    await expect(processOf(fake, 0).accessToken()).rejects.toMatchObject({
      name: 'ZaloOaAuthError',
      reason: 'no_tokens',
    });
  });
});

describe('RedisLock', () => {
  it('does not release a lock that expired and was taken by another holder', async () => {
    const key = `lock-${randomBytes(4).toString('hex')}`;
    const short = new RedisLock(redises[0]!, { ttlMs: 50 });
    const other = new RedisLock(redises[1]!, { ttlMs: 5_000 });
    let releaseOther!: () => void;
    const otherHolds = new Promise<void>((resolve) => (releaseOther = resolve));
    let otherEntered!: () => void;
    const entered = new Promise<void>((resolve) => (otherEntered = resolve));

    await short.withLock(key, async () => {
      await new Promise((resolve) => setTimeout(resolve, 100)); // outlives its TTL
      void other.withLock(key, async () => {
        otherEntered();
        await otherHolds;
      });
      await entered;
    });
    // The first holder's release must have left the other's lock alone.
    expect(await redises[0]!.get(key)).not.toBeNull();
    releaseOther();
    await expect.poll(() => redises[0]!.get(key)).toBeNull();
  });
});
