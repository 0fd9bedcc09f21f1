import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeZalo, type FakeZaloOptions } from '../../src/playground/fakes/zalo-server.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const APP_SECRET = 'app-secret-for-tests';
const OA_SECRET = 'oa-secret-for-tests';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let clock = 0;

async function startFake(opts: FakeZaloOptions = {}): Promise<FakeZalo> {
  clock = Date.UTC(2026, 9, 1, 3, 0, 0);
  const fake = new FakeZalo({ now: () => clock, appSecretKey: APP_SECRET, oaSecretKey: OA_SECRET, ...opts });
  await fake.start();
  cleanups.push(() => fake.stop());
  return fake;
}

interface Received {
  rawBody: string;
  headers: IncomingHttpHeaders;
}

/** A webhook receiver that records what it gets and answers `status`. */
async function receiver(status = 200): Promise<{ url: string; received: Received[]; answer(status: number): void }> {
  const received: Received[] = [];
  let answerWith = status;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ rawBody: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(answerWith).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo`,
    received,
    answer: (s) => (answerWith = s),
  };
}

const lastJson = (r: { received: Received[] }) =>
  JSON.parse(r.received.at(-1)?.rawBody ?? 'null') as Record<string, any>;

// ─── OA helpers ──────────────────────────────────────────────────────────────

async function oa(
  fake: FakeZalo,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ json: any; headers: Headers; status: number }> {
  const headers: Record<string, string> = token === undefined ? {} : { access_token: token };
  const init: RequestInit =
    body === undefined
      ? { headers }
      : { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(`${fake.url}${path}`, init);
  return { json: await res.json(), headers: res.headers, status: res.status };
}

const send = (fake: FakeZalo, token: string, recipient: object, message: object) =>
  oa(fake, '/v3.0/oa/message/cs', token, { recipient, message });

async function refresh(fake: FakeZalo, refreshToken: string, secret = APP_SECRET): Promise<any> {
  const res = await fetch(`${fake.url}/v4/oa/access_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: secret },
    body: new URLSearchParams({ app_id: fake.appId, grant_type: 'refresh_token', refresh_token: refreshToken }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

async function upload(
  fake: FakeZalo,
  token: string,
  kind: 'image' | 'file',
  bytes: Uint8Array<ArrayBuffer>,
  name: string,
  type: string,
): Promise<any> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  const res = await fetch(`${fake.url}/v2.0/oa/upload/${kind}`, {
    method: 'POST',
    headers: { access_token: token },
    body: form,
  });
  return res.json();
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const PDF = new TextEncoder().encode('%PDF-1.7 fake');

/** A started fake with a webhook receiver, a token and one person who just wrote to the OA. */
async function oaWorld(opts: FakeZaloOptions = {}) {
  const fake = await startFake(opts);
  const hook = await receiver();
  fake.setOaWebhook(hook.url);
  const { accessToken, refreshToken } = fake.issueTokens();
  const lan = fake.oaUser({ name: 'Nguyễn Thị Lan', phone: '84912345678' });
  await lan.send('xin chào');
  return { fake, hook, token: accessToken, refreshToken, lan };
}

describe('FakeZalo OAuth', () => {
  it('rotates refresh tokens: the new pair works, the old refresh token is dead', async () => {
    const fake = await startFake();
    const first = fake.issueTokens();
    const body = await refresh(fake, first.refreshToken);
    expect(body).toEqual({ access_token: expect.any(String), refresh_token: expect.any(String), expires_in: '90000' });
    expect(body.refresh_token).not.toBe(first.refreshToken);
    expect((await oa(fake, '/v2.0/oa/getoa', body.access_token)).json.error).toBe(0);

    const reused = await refresh(fake, first.refreshToken);
    expect(reused).toMatchObject({ error: -14014, error_name: 'Invalid refresh token' });
    expect(reused.access_token).toBeUndefined();
    expect(fake.refreshCalls).toBe(2);
  });

  it('wants the app secret in the secret_key header and a form body', async () => {
    const fake = await startFake();
    const { refreshToken } = fake.issueTokens();
    expect((await refresh(fake, refreshToken, 'wrong')).error).toBeLessThan(0);
    const asJson = await fetch(`${fake.url}/v4/oa/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', secret_key: APP_SECRET },
      body: JSON.stringify({ app_id: fake.appId, grant_type: 'refresh_token', refresh_token: refreshToken }),
    });
    expect(((await asJson.json()) as { error: number }).error).toBeLessThan(0);
    // Neither failure used the refresh token up.
    expect((await refresh(fake, refreshToken)).access_token).toEqual(expect.any(String));
  });

  it('expires access tokens after 25 h (-220); unknown or missing tokens are -216', async () => {
    const fake = await startFake();
    const { accessToken } = fake.issueTokens();
    clock += 25 * HOUR - 1;
    expect((await oa(fake, '/v2.0/oa/getoa', accessToken)).json.error).toBe(0);
    clock += 1;
    expect((await oa(fake, '/v2.0/oa/getoa', accessToken)).json).toEqual({ error: -220, message: expect.any(String) });
    expect((await oa(fake, '/v2.0/oa/getoa', 'nope')).json.error).toBe(-216);
    const missing = await oa(fake, '/v2.0/oa/getoa', undefined);
    expect(missing.status).toBe(200);
    expect(missing.json.error).toBe(-216);
  });

  it('expireAccessTokens() expires every token issued so far', async () => {
    const fake = await startFake();
    const { accessToken } = fake.issueTokens();
    fake.expireAccessTokens();
    expect((await oa(fake, '/v2.0/oa/getoa', accessToken)).json.error).toBe(-220);
  });
});

describe('FakeZalo OA messages', () => {
  it('sends text and answers with string ids, a reply quota inside 48 h and none after', async () => {
    const { fake, token, refreshToken, lan } = await oaWorld();
    const first = await send(fake, token, { user_id: lan.id }, { text: 'Chào Lan' });
    expect(first.json).toEqual({
      error: 0,
      message: 'Success',
      data: {
        message_id: expect.any(String),
        user_id: lan.id,
        sent_time: String(clock),
        quota: { quota_type: 'reply' },
      },
    });
    expect(lan.id).toMatch(/^\d{19}$/);
    expect(lan.lastText()).toBe('Chào Lan');

    clock += 49 * HOUR;
    const { access_token: fresh } = await refresh(fake, refreshToken);
    const billed = await send(fake, fresh, { user_id: lan.id }, { text: 'Nhắc nhở' });
    expect(billed.json.error).toBe(0);
    expect(billed.json.data.quota).toBeUndefined();
    expect(lan.inbox.at(-1)?.billed).toBe(true);

    clock += 6 * DAY;
    const later = fake.issueTokens().accessToken; // a new consent: the point here is the 7-day window
    expect((await send(fake, later, { user_id: lan.id }, { text: 'Quá hạn' })).json.error).toBe(-230);
    await lan.send('Em đây');
    expect((await send(fake, later, { user_id: lan.id }, { text: 'Lại được' })).json.error).toBe(0);
  });

  it('refuses text over 2000 characters (-210), measured after NFC', async () => {
    const { fake, token, lan } = await oaWorld();
    expect((await send(fake, token, { user_id: lan.id }, { text: 'a'.repeat(2001) })).json.error).toBe(-210);
    // "ệ" decomposed is 3 UTF-16 units; 2000 of them are 2000 characters in NFC.
    const decomposed = 'ệ'.normalize('NFD').repeat(2000);
    expect(decomposed.length).toBe(6000);
    expect((await send(fake, token, { user_id: lan.id }, { text: decomposed })).json.error).toBe(0);
  });

  it('names the invalid field (-201)', async () => {
    const { fake, token, lan } = await oaWorld();
    const post = (body: unknown) => oa(fake, '/v3.0/oa/message/cs', token, body).then((r) => r.json);
    expect(await post({ message: { text: 'x' } })).toEqual({ error: -201, message: 'recipient is invalid!' });
    expect(await post({ recipient: { user_id: '1234567890123456789' }, message: { text: 'x' } })).toEqual({
      error: -201,
      message: 'user_id is invalid!',
    });
    expect((await post({ recipient: { user_id: lan.id }, message: {} })).message).toBe('text is invalid!');
    expect((await post({ recipient: { user_id: lan.id }, message: { text: '' } })).message).toBe('text is invalid!');
    expect(
      (await post({ recipient: { user_id: lan.id }, message: { text: 'x', quote_message_id: 'unknown' } })).message,
    ).toBe('quote_message_id is invalid!');
    expect((await post({ recipient: { message_id: 'unknown' }, message: { text: 'x' } })).message).toBe(
      'message_id is invalid!',
    );
    const bad = await fetch(`${fake.url}/v3.0/oa/message/cs`, {
      method: 'POST',
      headers: { access_token: token, 'content-type': 'application/json' },
      body: '{',
    });
    expect(await bad.json()).toEqual({ error: -201, message: 'body is invalid!' });
  });

  it('replies to an inbound message by message_id and quotes it', async () => {
    const { fake, token, lan } = await oaWorld();
    const msgId = lan.lastSentMsgId;
    const reply = await send(fake, token, { message_id: msgId }, { text: 'Đã nhận', quote_message_id: msgId });
    expect(reply.json.data.user_id).toBe(lan.id);
    expect(lan.inbox.at(-1)).toMatchObject({ text: 'Đã nhận', inReplyTo: msgId, quoteMessageId: msgId });
  });

  it('sends up to 5 oa.query buttons; a tap comes back as user_send_text with the payload', async () => {
    const { fake, token, lan, hook } = await oaWorld();
    const button = (i: number) => ({ title: `Chọn ${i}`, type: 'oa.query.show', payload: `#pick:${i}` });
    const withButtons = (n: number, extra: object = {}) =>
      send(
        fake,
        token,
        { user_id: lan.id },
        {
          text: 'Chọn:',
          attachment: {
            type: 'template',
            payload: { buttons: Array.from({ length: n }, (_, i) => ({ ...button(i), ...extra })) },
          },
        },
      );
    expect((await withButtons(6)).json).toEqual({ error: -201, message: 'buttons is invalid!' });
    expect((await withButtons(1, { type: 'oa.open.app' })).json.message).toBe('type is invalid!');
    expect((await withButtons(1, { title: 'x'.repeat(101) })).json.error).toBe(-210);
    expect((await withButtons(1, { payload: 'x'.repeat(1001) })).json.error).toBe(-210);
    expect((await withButtons(5)).json.error).toBe(0);
    expect(lan.inbox.at(-1)?.buttons).toHaveLength(5);

    expect(await lan.tap('#pick:3')).toBe(200);
    expect(lastJson(hook)).toMatchObject({ event_name: 'user_send_text', message: { text: '#pick:3' } });
    expect(() => lan.tap('#never-offered')).toThrow(/no button/);
  });

  it('uploads jpg/png ≤1 MB and pdf/doc/docx ≤5 MB, checking the content, and sends them', async () => {
    const { fake, token, refreshToken, lan } = await oaWorld();
    const image = await upload(fake, token, 'image', PNG, 'a.png', 'image/png');
    expect(image).toEqual({ error: 0, message: 'Success', data: { attachment_id: expect.any(String) } });
    expect((await upload(fake, token, 'image', PDF, 'a.png', 'image/png')).error).toBe(-201);
    expect((await upload(fake, token, 'image', PNG, 'a.pdf', 'application/pdf')).error).toBe(-201);
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(PNG);
    expect((await upload(fake, token, 'image', big, 'big.png', 'image/png')).error).toBe(-210);
    const file = await upload(fake, token, 'file', PDF, 'bien-ban.pdf', 'application/pdf');
    expect(file.data.token).toEqual(expect.any(String));

    const media = (element: object) =>
      send(
        fake,
        token,
        { user_id: lan.id },
        { text: 'Ảnh', attachment: { type: 'template', payload: { template_type: 'media', elements: [element] } } },
      );
    expect((await media({ media_type: 'image', attachment_id: image.data.attachment_id })).json.error).toBe(0);
    expect((await media({ media_type: 'image', url: 'https://example.com/a.jpg' })).json.error).toBe(0);
    expect(
      (await media({ media_type: 'image', url: 'https://example.com/a.jpg', attachment_id: image.data.attachment_id }))
        .json.message,
    ).toBe('attachment_id is invalid!');
    expect((await media({ media_type: 'image', attachment_id: file.data.token })).json.message).toBe(
      'attachment_id is invalid!',
    );
    expect(lan.inbox.at(-1)?.image).toEqual({ mediaType: 'image', url: 'https://example.com/a.jpg' });

    const sendFile = (t: string, accessToken = token) =>
      send(fake, accessToken, { user_id: lan.id }, { attachment: { type: 'file', payload: { token: t } } });
    expect((await sendFile(file.data.token)).json.error).toBe(0);
    // The person gets the file itself: what was uploaded, byte for byte.
    expect(lan.inbox.at(-1)?.file).toEqual({
      token: file.data.token,
      name: 'bien-ban.pdf',
      type: 'application/pdf',
      bytes: PDF,
    });
    expect((await sendFile('nope')).json.message).toBe('token is invalid!');

    // Uploads live 7 days; the person writes again so that only the upload is stale.
    clock += 8 * DAY;
    await lan.send('còn đó không?');
    const { access_token: fresh } = await refresh(fake, refreshToken);
    expect((await sendFile(file.data.token, fresh)).json.error).toBe(-100);
  });

  it('asks for user info with exactly one element; the answer is a user_submit_info push', async () => {
    const { fake, token, lan, hook } = await oaWorld();
    const element = {
      title: 'Cho biết số điện thoại',
      subtitle: 'Để công đoàn liên hệ',
      image_url: 'https://example.com/banner.png',
    };
    const ask = (elements: object[]) =>
      send(
        fake,
        token,
        { user_id: lan.id },
        { attachment: { type: 'template', payload: { template_type: 'request_user_info', elements } } },
      );
    expect((await ask([element, element])).json.message).toBe('elements is invalid!');
    expect((await ask([{ ...element, image_url: 'not a url' }])).json.message).toBe('image_url is invalid!');
    expect(() => lan.submitInfo()).toThrow(/never asked/);
    expect((await ask([element])).json.error).toBe(0);

    expect(await lan.submitInfo()).toBe(200);
    expect(lastJson(hook)).toMatchObject({
      event_name: 'user_submit_info',
      app_id: fake.appId,
      sender: { id: lan.id },
      recipient: { id: fake.oaId },
      info: { name: 'Nguyễn Thị Lan', phone: '84912345678' },
    });
    const detail = await oa(
      fake,
      `/v3.0/oa/user/detail?data=${encodeURIComponent(JSON.stringify({ user_id: lan.id }))}`,
      token,
    );
    expect(detail.json.data.shared_info).toMatchObject({ name: 'Nguyễn Thị Lan', phone: '84912345678' });
  });

  it('refuses non-followers (-213), people who blocked the OA (-217) and exhausted quotas (-218, -211)', async () => {
    const { fake, token, lan } = await oaWorld();
    const hello = () => send(fake, token, { user_id: lan.id }, { text: 'hi' }).then((r) => r.json.error);
    lan.setQuota(1);
    expect(await hello()).toBe(0);
    expect(await hello()).toBe(-218);
    lan.setQuota(undefined);
    fake.setOaQuota(0);
    expect(await hello()).toBe(-211);
    fake.setOaQuota(undefined);
    await lan.unfollow();
    expect(await hello()).toBe(-213);
    await lan.follow();
    expect(await hello()).toBe(0);
    lan.block();
    expect(await hello()).toBe(-217);
  });

  it('fails the next send with an injected code, once', async () => {
    const { fake, token, lan } = await oaWorld();
    fake.failNext(-234, 'Message type not allowed at night');
    expect((await send(fake, token, { user_id: lan.id }, { text: 'x' })).json).toEqual({
      error: -234,
      message: 'Message type not allowed at night',
    });
    expect((await send(fake, token, { user_id: lan.id }, { text: 'x' })).json.error).toBe(0);
  });

  it('rate-limits per app per minute with -32 and X-RateLimit headers', async () => {
    const { fake, token } = await oaWorld({ oaRateLimitPerMinute: 2 });
    const first = await oa(fake, '/v2.0/oa/getoa', token);
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remain')).toBe('1');
    expect((await oa(fake, '/v2.0/oa/getoa', token)).json.error).toBe(0);
    const limited = await oa(fake, '/v2.0/oa/getoa', token);
    expect(limited.status).toBe(200);
    expect(limited.json.error).toBe(-32);
    expect(limited.headers.get('x-ratelimit-remain')).toBe('0');
    clock += 60_000;
    expect((await oa(fake, '/v2.0/oa/getoa', token)).json.error).toBe(0);
  });

  it('reads user detail from a GET with data=<json>, and the OA from getoa', async () => {
    const { fake, token, lan } = await oaWorld();
    const detail = await oa(
      fake,
      `/v3.0/oa/user/detail?data=${encodeURIComponent(JSON.stringify({ user_id: lan.id }))}`,
      token,
    );
    expect(detail.json.data).toMatchObject({
      user_id: lan.id,
      display_name: 'Nguyễn Thị Lan',
      user_is_follower: true,
      user_last_interaction_date: '01/10/2026',
      avatars: { '240': expect.any(String) },
    });
    expect(detail.json.data.shared_info).toBeNull();
    expect((await oa(fake, '/v3.0/oa/user/detail', token)).json).toEqual({ error: -201, message: 'data is invalid!' });
    expect((await oa(fake, '/v2.0/oa/getoa', token)).json.data).toMatchObject({
      oa_id: fake.oaId,
      name: expect.any(String),
    });
  });
});

describe('FakeZalo OA webhook pushes', () => {
  it('signs each push with mac=sha256(app_id + raw body + timestamp + OA secret)', async () => {
    const { fake, hook, lan } = await oaWorld();
    const { rawBody, headers } = hook.received.at(-1)!;
    const body = JSON.parse(rawBody);
    expect(body).toMatchObject({
      app_id: fake.appId,
      user_id_by_app: lan.idByApp,
      event_name: 'user_send_text',
      timestamp: String(clock),
      sender: { id: lan.id },
      recipient: { id: fake.oaId },
      message: { msg_id: lan.lastSentMsgId, text: 'xin chào' },
    });
    const expected = createHash('sha256').update(`${body.app_id}${rawBody}${body.timestamp}${OA_SECRET}`).digest('hex');
    expect(headers['x-zevent-signature']).toBe(`mac=${expected}`);
  });

  it('describes attachments, quotes, follows and unfollows as Zalo does', async () => {
    const { fake, hook, lan } = await oaWorld();
    await lan.sendImage('ảnh biên bản');
    expect(lastJson(hook)).toMatchObject({
      event_name: 'user_send_image',
      message: { text: 'ảnh biên bản', attachments: [{ type: 'image', payload: { url: expect.any(String) } }] },
    });
    await lan.sendFile('de-xuat.pdf');
    expect(lastJson(hook).message.attachments[0]).toMatchObject({
      type: 'file',
      payload: { name: 'de-xuat.pdf', type: 'pdf', url: expect.any(String) },
    });
    await lan.sendSticker();
    expect(lastJson(hook).event_name).toBe('user_send_sticker');
    await lan.sendLocation();
    expect(lastJson(hook).message.attachments[0].payload.coordinates).toEqual({
      latitude: expect.any(String),
      longitude: expect.any(String),
    });
    const quoted = lan.lastSentMsgId!;
    await lan.quoteReply(quoted, 'như trên');
    expect(lastJson(hook).message).toMatchObject({ text: 'như trên', quote_msg_id: quoted });
    await lan.unfollow();
    expect(lastJson(hook)).toEqual({
      app_id: fake.appId,
      user_id_by_app: lan.idByApp,
      event_name: 'unfollow',
      timestamp: String(clock),
      oa_id: fake.oaId,
      source: 'oa_profile',
      follower: { id: lan.id },
    });
  });

  it('reports the status the bot answered and resends a push byte for byte', async () => {
    const { fake, hook, lan } = await oaWorld();
    hook.answer(500);
    expect(await lan.send('lần một')).toBe(500);
    hook.answer(200);
    const push = fake.lastPush!;
    expect(await fake.resend(push)).toBe(200);
    const [a, b] = hook.received.slice(-2);
    expect(b?.rawBody).toBe(a?.rawBody);
    expect(b?.headers['x-zevent-signature']).toBe(a?.headers['x-zevent-signature']);
  });

  it('pushes raw bodies unsigned, for forged-request tests', async () => {
    const { fake, hook } = await oaWorld();
    await fake.pushRaw('not json', { 'X-ZEvent-Signature': 'mac=00' });
    expect(hook.received.at(-1)).toMatchObject({ rawBody: 'not json', headers: { 'x-zevent-signature': 'mac=00' } });
  });

  it('echoes the OA’s own sends as oa_send_* when asked to', async () => {
    const { fake, hook, token, lan } = await oaWorld({ deliverEchoes: true });
    const sent = await send(fake, token, { user_id: lan.id }, { text: 'tiếng vọng' });
    await expect.poll(() => lastJson(hook).event_name).toBe('oa_send_text');
    expect(lastJson(hook)).toMatchObject({
      sender: { id: fake.oaId },
      recipient: { id: lan.id },
      message: { msg_id: sent.json.data.message_id, text: 'tiếng vọng' },
    });
  });
});

// ─── Bot Platform ────────────────────────────────────────────────────────────

async function bot(
  fake: FakeZalo,
  method: string,
  params?: Record<string, unknown>,
  token = fake.botToken,
): Promise<{ status: number; json: any }> {
  const init: RequestInit =
    params === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) };
  const res = await fetch(`${fake.url}/bot${token}/${method}`, init);
  return { status: res.status, json: await res.json() };
}

describe('FakeZalo Bot Platform', () => {
  it('routes /bot<token>/<method>: 401 for a bad token, 400 for an unknown or miscased method', async () => {
    const fake = await startFake();
    expect(await bot(fake, 'getMe', undefined, '1:wrong')).toEqual({
      status: 401,
      json: { ok: false, error_code: 401, description: expect.any(String) },
    });
    expect((await bot(fake, 'getme')).json).toMatchObject({ ok: false, error_code: 400 });
    expect((await bot(fake, 'getMe')).json).toEqual({
      ok: true,
      result: {
        id: fake.botToken.split(':')[0],
        account_name: expect.stringMatching(/^bot\./),
        account_type: 'BASIC',
        can_join_groups: false,
      },
    });
  });

  it('sends messages of 1–2000 characters to known chats, by JSON, form or query', async () => {
    const fake = await startFake();
    const ted = fake.botUser({ name: 'Ted' });
    await ted.send('hi');
    const sent = await bot(fake, 'sendMessage', { chat_id: ted.id, text: 'Xin chào' });
    expect(sent).toEqual({
      status: 200,
      json: { ok: true, result: { message_id: expect.stringMatching(/^[0-9a-f]+$/), date: clock } },
    });
    expect((await bot(fake, 'sendMessage', { chat_id: ted.id, text: 'x'.repeat(2001) })).status).toBe(400);
    expect((await bot(fake, 'sendMessage', { chat_id: ted.id, text: '' })).status).toBe(400);
    expect((await bot(fake, 'sendMessage', { chat_id: 'abc123', text: 'x' })).status).toBe(400);

    const byQuery = await fetch(
      `${fake.url}/bot${fake.botToken}/sendMessage?${new URLSearchParams({ chat_id: ted.id, text: 'qua query' })}`,
    );
    expect(byQuery.status).toBe(200);
    const byForm = await fetch(`${fake.url}/bot${fake.botToken}/sendPhoto`, {
      method: 'POST',
      body: new URLSearchParams({ chat_id: ted.id, photo: 'https://example.com/p.jpg', caption: 'ảnh' }),
    });
    expect(byForm.status).toBe(200);
    expect(ted.inbox.map((m) => m.text ?? m.caption)).toEqual(['Xin chào', 'qua query', 'ảnh']);
    expect(ted.lastText()).toBe('qua query');
    expect((await bot(fake, 'sendChatAction', { chat_id: ted.id, action: 'typing' })).json).toEqual({
      ok: true,
      result: true,
    });
  });

  it('long-polls one update at a time without offsets, and answers 408 when none came', async () => {
    const fake = await startFake();
    const ted = fake.botUser({ name: 'Ted' });
    const empty = await bot(fake, 'getUpdates', { timeout: '0' });
    expect(empty).toEqual({ status: 408, json: { ok: false, error_code: 408, description: expect.any(String) } });

    expect(await ted.send('một')).toBeUndefined();
    await ted.sendPhoto('https://example.com/a.jpg', 'hai');
    const first = await bot(fake, 'getUpdates', { timeout: '1' });
    expect(first.json.result).toEqual({
      event_name: 'message.text.received',
      message: {
        from: { id: ted.id, display_name: 'Ted', is_bot: false },
        chat: { id: ted.id, chat_type: 'PRIVATE' },
        text: 'một',
        message_id: expect.any(String),
        date: clock,
      },
    });
    expect((await bot(fake, 'getUpdates', { timeout: '1' })).json.result).toMatchObject({
      event_name: 'message.image.received',
      message: { photo: 'https://example.com/a.jpg', caption: 'hai' },
    });

    const waiting = bot(fake, 'getUpdates', { timeout: '5' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await ted.sendSticker();
    expect((await waiting).json.result.event_name).toBe('message.sticker.received');
  });

  it('validates setWebhook and keeps webhook and getUpdates mutually exclusive', async () => {
    const fake = await startFake({ allowHttpLocalhostWebhook: true });
    expect((await bot(fake, 'setWebhook', { url: 'http://example.com/hook', secret_token: 'secret-123' })).status).toBe(
      400,
    );
    expect((await bot(fake, 'setWebhook', { url: 'https://example.com/hook', secret_token: 'short' })).status).toBe(
      400,
    );
    const set = await bot(fake, 'setWebhook', { url: 'https://example.com/hook', secret_token: 'secret-123' });
    expect(set.json).toEqual({ ok: true, result: { url: 'https://example.com/hook', updated_at: clock } });
    expect((await bot(fake, 'getWebhookInfo')).json.result.url).toBe('https://example.com/hook');
    expect((await bot(fake, 'getUpdates', { timeout: '0' })).json).toMatchObject({ ok: false, error_code: 400 });
    expect((await bot(fake, 'deleteWebhook')).json.result.url).toBe('');
    expect((await bot(fake, 'getUpdates', { timeout: '0' })).status).toBe(408);
  });

  it('refuses plain-http webhooks unless told to accept localhost ones', async () => {
    const strict = await startFake();
    expect(
      (await bot(strict, 'setWebhook', { url: 'http://127.0.0.1:9/hook', secret_token: 'secret-123' })).status,
    ).toBe(400);
  });

  it('pushes updates with the secret header, in the ok/result envelope or bare', async () => {
    const fake = await startFake({ allowHttpLocalhostWebhook: true });
    const hook = await receiver();
    await bot(fake, 'setWebhook', { url: hook.url, secret_token: 'secret-123' });
    const ted = fake.botUser({ name: 'Ted' });
    expect(await ted.send('qua webhook')).toBe(200);
    expect(hook.received.at(-1)?.headers['x-bot-api-secret-token']).toBe('secret-123');
    expect(lastJson(hook)).toMatchObject({
      ok: true,
      result: { event_name: 'message.text.received', message: { text: 'qua webhook' } },
    });
    await ted.sendUnsupported();
    expect(lastJson(hook).result.event_name).toBe('message.unsupported.received');
    expect(lastJson(hook).result.message.text).toBeUndefined();

    const bare = await startFake({ allowHttpLocalhostWebhook: true, botWebhookEnvelope: 'bare' });
    await bot(bare, 'setWebhook', { url: hook.url, secret_token: 'secret-123' });
    await bare.botUser({ name: 'Mai' }).send('trần');
    expect(lastJson(hook)).toMatchObject({ event_name: 'message.text.received', message: { text: 'trần' } });
  });

  it('answers 429 over quota or rate limit', async () => {
    const fake = await startFake({ botRateLimitPerMinute: 3 });
    const ted = fake.botUser({ name: 'Ted' });
    fake.setBotQuota(1);
    expect((await bot(fake, 'sendMessage', { chat_id: ted.id, text: 'một' })).status).toBe(200);
    expect((await bot(fake, 'sendMessage', { chat_id: ted.id, text: 'hai' })).json).toMatchObject({
      ok: false,
      error_code: 429,
    });
    expect((await bot(fake, 'getMe')).status).toBe(200);
    expect((await bot(fake, 'getMe')).status).toBe(429);
  });
});
