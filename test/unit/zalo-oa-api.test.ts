import { afterEach, describe, expect, it } from 'vitest';
import { ZaloOaApi, ZaloOaError, classifyOaError } from '../../src/channels/zalo/oa-api.js';
import { OaTokenManager, type OaTokenPair, type OaTokenStore } from '../../src/channels/zalo/oa-tokens.js';
import type { Lock } from '../../src/core/lock.js';
import { FakeZalo } from '../../src/playground/fakes/zalo-server.js';

const APP_SECRET = 'app-secret';
const HOUR = 3_600_000;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One process, so an in-memory store and lock stand in for Mongo and Redis (zalo-oa-tokens.test.ts has those). */
class MemoryStore implements OaTokenStore {
  pair: OaTokenPair | null = null;
  async load(): Promise<OaTokenPair | null> {
    return this.pair;
  }
  async save(_appId: string, pair: OaTokenPair): Promise<void> {
    this.pair = pair;
  }
}

const inProcessLock = (): Lock => {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    withLock<T>(_key: string, fn: () => Promise<T>): Promise<T> {
      const run = tail.then(fn, fn);
      tail = run.catch(() => undefined);
      return run;
    },
  };
};

async function setup() {
  let clock = Date.UTC(2026, 9, 1, 3);
  const fake = new FakeZalo({ now: () => clock, appSecretKey: APP_SECRET });
  await fake.start();
  cleanups.push(() => fake.stop());
  fake.setOaWebhook('http://127.0.0.1:9/unused'); // pushes are not under test here: nobody listens
  const store = new MemoryStore();
  const { accessToken, refreshToken } = fake.issueTokens();
  store.pair = { accessToken, refreshToken, accessExpiresAt: new Date(clock + 25 * HOUR) };
  const tokens = new OaTokenManager({
    oauthRoot: fake.url,
    appId: fake.appId,
    appSecretKey: APP_SECRET,
    store,
    lock: inProcessLock(),
    clock: { now: () => new Date(clock) },
  });
  const api = new ZaloOaApi({ apiRoot: fake.url, tokens });
  const lan = fake.oaUser({ name: 'Lan' });
  await lan.send('xin chào');
  return { fake, api, store, lan, advance: (ms: number) => (clock += ms) };
}

async function oaFailure(call: Promise<unknown>): Promise<ZaloOaError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ZaloOaError)) throw new Error(`expected a ZaloOaError, got ${String(error)}`);
  return error;
}

describe('ZaloOaApi', () => {
  it('sends text, quotes and replies by message id, with string ids', async () => {
    const { api, lan } = await setup();
    const sent = await api.sendText({ userId: lan.id }, 'Chào Lan');
    expect(sent).toEqual({
      messageId: expect.any(String),
      userId: lan.id,
      sentTime: expect.stringMatching(/^\d+$/),
      quotaType: 'reply',
    });
    const inbound = lan.lastSentMsgId!;
    await api.sendText({ messageId: inbound }, 'Trả lời', { quoteMessageId: inbound });
    expect(lan.inbox.at(-1)).toMatchObject({ text: 'Trả lời', inReplyTo: inbound, quoteMessageId: inbound });
  });

  it('sends oa.query.hide buttons (the payload is not shown in the chat) whose payload comes back when tapped', async () => {
    const { api, lan } = await setup();
    await api.sendButtons({ userId: lan.id }, 'Chọn:', [
      { title: 'Gửi sáng kiến', payload: '#submit' },
      { title: 'Xem tiến độ', payload: '#progress' },
    ]);
    expect(lan.inbox.at(-1)?.buttons).toEqual([
      { title: 'Gửi sáng kiến', type: 'oa.query.hide', payload: '#submit' },
      { title: 'Xem tiến độ', type: 'oa.query.hide', payload: '#progress' },
    ]);
    const tooMany = Array.from({ length: 6 }, (_, i) => ({ title: `b${i}`, payload: `#${i}` }));
    expect(await oaFailure(api.sendButtons({ userId: lan.id }, 'Chọn:', tooMany))).toMatchObject({
      code: -201,
      kind: 'invalid',
    });
  });

  it('uploads an image and a file and sends them; a url image too', async () => {
    const { api, lan } = await setup();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    const attachmentId = await api.uploadImage(png, 'anh.png', 'image/png');
    await api.sendImage({ userId: lan.id }, { attachmentId }, 'Ảnh minh hoạ');
    expect(lan.inbox.at(-1)).toMatchObject({ kind: 'image', text: 'Ảnh minh hoạ', image: { attachmentId } });
    await api.sendImage({ userId: lan.id }, { url: 'https://example.com/a.jpg' });
    expect(lan.inbox.at(-1)?.image?.url).toBe('https://example.com/a.jpg');

    const token = await api.uploadFile(new TextEncoder().encode('%PDF-1.7'), 'bien-ban.pdf', 'application/pdf');
    await api.sendFile({ userId: lan.id }, token);
    expect(lan.inbox.at(-1)?.file).toMatchObject({ token, name: 'bien-ban.pdf', type: 'application/pdf' });
    expect(await oaFailure(api.uploadImage(new TextEncoder().encode('%PDF'), 'x.png', 'image/png'))).toMatchObject({
      code: -201,
    });
  });

  it('asks for user info and reads the user detail and the OA', async () => {
    const { api, lan, fake } = await setup();
    await api.requestUserInfo(
      { userId: lan.id },
      { title: 'Số điện thoại', subtitle: 'Để liên hệ', imageUrl: 'https://example.com/b.png' },
    );
    expect(lan.inbox.at(-1)?.kind).toBe('request_user_info');
    await lan.submitInfo(); // nobody listens to the push; Zalo records the answer all the same
    expect(await api.userDetail(lan.id)).toEqual({
      userId: lan.id,
      userIdByApp: lan.idByApp,
      displayName: 'Lan',
      isFollower: true,
      lastInteractionDate: '01/10/2026',
      avatarUrl: expect.any(String),
      sharedInfo: { name: 'Lan', phone: lan.phone },
    });
    expect(await api.getOa()).toEqual({ oaId: fake.oaId, name: expect.any(String) });
  });

  it('refreshes an expired token transparently and retries once', async () => {
    const { api, lan, fake, store } = await setup();
    const before = store.pair!;
    fake.expireAccessTokens();
    await api.sendText({ userId: lan.id }, 'vẫn tới');
    expect(fake.refreshCalls).toBe(1);
    expect(store.pair?.refreshToken).not.toBe(before.refreshToken);
    expect(lan.lastText()).toBe('vẫn tới');
  });

  it('refreshes ahead of expiry, without a failed call first', async () => {
    const { api, lan, fake, advance } = await setup();
    advance(21 * HOUR);
    await api.sendText({ userId: lan.id }, 'sớm');
    expect(fake.refreshCalls).toBe(1);
    await api.sendText({ userId: lan.id }, 'lần nữa');
    expect(fake.refreshCalls).toBe(1);
  });

  it('classifies Zalo errors', async () => {
    const { api, lan, fake } = await setup();
    expect(await oaFailure(api.sendText({ userId: lan.id }, 'x'.repeat(2001)))).toMatchObject({
      code: -210,
      kind: 'too_long',
    });
    fake.failNext(-32);
    expect((await oaFailure(api.sendText({ userId: lan.id }, 'x'))).kind).toBe('rate');
    lan.block();
    expect(await oaFailure(api.sendText({ userId: lan.id }, 'x'))).toMatchObject({ code: -217, kind: 'window' });
    expect([-216, -220, -211, -218, -230, -234, -221].map(classifyOaError)).toEqual([
      'token',
      'token',
      'quota',
      'quota',
      'window',
      'night',
      'config',
    ]);
  });
});
