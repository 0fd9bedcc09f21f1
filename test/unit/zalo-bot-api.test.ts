import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ZaloBotApi, ZaloBotError } from '../../src/channels/zalo/bot-api.js';
import { parseBotWebhookBody } from '../../src/channels/zalo/bot-webhook.js';
import { secretHeaderMatches } from '../../src/channels/http.js';
import { FakeZalo, type FakeZaloOptions } from '../../src/playground/fakes/zalo-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(opts: FakeZaloOptions = {}) {
  const fake = new FakeZalo({ allowHttpLocalhostWebhook: true, ...opts });
  await fake.start();
  cleanups.push(() => fake.stop());
  return { fake, api: new ZaloBotApi({ apiRoot: fake.url, token: fake.botToken }), ted: fake.botUser({ name: 'Ted' }) };
}

async function listen(
  handler: (raw: string, headers: IncomingHttpHeaders) => { status: number; body?: string },
): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { status, body } = handler(Buffer.concat(chunks).toString('utf8'), req.headers);
      res.writeHead(status, { 'content-type': 'application/json' }).end(body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function botFailure(call: Promise<unknown>): Promise<ZaloBotError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ZaloBotError)) throw new Error(`expected a ZaloBotError, got ${String(error)}`);
  return error;
}

describe('ZaloBotApi', () => {
  it('reads the bot and sends text, photos and chat actions', async () => {
    const { api, ted } = await setup();
    expect(await api.getMe()).toEqual({
      id: expect.any(String),
      accountName: expect.stringMatching(/^bot\./),
      accountType: 'BASIC',
      canJoinGroups: false,
    });
    await ted.send('hi');
    expect(await api.sendMessage(ted.id, 'Xin chào')).toEqual({
      messageId: expect.stringMatching(/^[0-9a-f]+$/),
      date: expect.any(Number),
    });
    await api.sendPhoto(ted.id, 'https://example.com/a.jpg', 'ảnh');
    await api.sendChatAction(ted.id);
    expect(ted.inbox.map((m) => m.text ?? m.caption)).toEqual(['Xin chào', 'ảnh']);
  });

  it('fails with ZaloBotError: 400 for bad params, 401 for a bad token, 429 rate-limited', async () => {
    const { fake, api, ted } = await setup();
    expect(await botFailure(api.sendMessage(ted.id, 'x'.repeat(2001)))).toMatchObject({
      errorCode: 400,
      isRateLimited: false,
    });
    const stranger = new ZaloBotApi({ apiRoot: fake.url, token: '1:nope' });
    const unauthorised = await botFailure(stranger.getMe());
    expect(unauthorised.errorCode).toBe(401);
    expect(unauthorised.message).not.toContain('1:nope');
    fake.setBotQuota(0);
    expect((await botFailure(api.sendMessage(ted.id, 'x'))).isRateLimited).toBe(true);
  });

  it('polls updates one by one and reads 408 as "nothing yet"', async () => {
    const { api, ted } = await setup();
    expect(await api.getUpdates(0)).toEqual([]);
    await ted.send('một');
    await ted.sendPhoto('https://example.com/p.jpg', 'hai');
    await ted.sendUnsupported();
    const [first] = await api.getUpdates(1);
    expect(first).toEqual({
      eventName: 'message.text.received',
      message: {
        messageId: expect.any(String),
        date: expect.any(Number),
        chatId: ted.id,
        chatType: 'PRIVATE',
        from: { id: ted.id, displayName: 'Ted', isBot: false },
        text: 'một',
        photoUrl: null,
        caption: null,
        sticker: null,
      },
    });
    expect((await api.getUpdates(1))[0]?.message).toMatchObject({
      photoUrl: 'https://example.com/p.jpg',
      caption: 'hai',
    });
    expect(await api.getUpdates(1)).toEqual([
      { eventName: 'message.unsupported.received', message: expect.objectContaining({ chatId: ted.id, text: null }) },
    ]);

    const waiting = api.getUpdates(5);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await ted.sendSticker();
    expect((await waiting)[0]?.message?.sticker).toEqual(expect.any(String));
  });

  it('accepts getUpdates results given as an array', async () => {
    const update = (text: string) => ({
      event_name: 'message.text.received',
      message: {
        message_id: 'ab',
        date: 1,
        chat: { id: 'c1', chat_type: 'PRIVATE' },
        from: { id: 'c1', display_name: 'T', is_bot: false },
        text,
      },
    });
    const root = await listen(() => ({
      status: 200,
      body: JSON.stringify({ ok: true, result: [update('a'), update('b')] }),
    }));
    const updates = await new ZaloBotApi({ apiRoot: root, token: '1:x' }).getUpdates(1);
    expect(updates.map((u) => u.message?.text)).toEqual(['a', 'b']);
  });

  it('switches to a webhook, whose pushes verify and parse, and back to polling', async () => {
    const { api, ted } = await setup();
    const received: { raw: string; secretOk: boolean }[] = [];
    const url = await listen((raw, headers) => {
      received.push({ raw, secretOk: secretHeaderMatches(headers['x-bot-api-secret-token'], 'secret-123') });
      return { status: 200, body: '{"message":"Success"}' };
    });
    expect(await api.setWebhook(`${url}/zalo-bot`, 'secret-123')).toEqual({
      url: `${url}/zalo-bot`,
      updatedAt: expect.any(Number),
    });
    expect((await api.getWebhookInfo()).url).toBe(`${url}/zalo-bot`);
    expect((await botFailure(api.getUpdates(0))).errorCode).toBe(400);

    expect(await ted.send('qua webhook')).toBe(200);
    expect(received[0]?.secretOk).toBe(true);
    expect(parseBotWebhookBody(received[0]!.raw)).toMatchObject({
      eventName: 'message.text.received',
      message: { text: 'qua webhook', chatId: ted.id },
    });

    expect(await api.deleteWebhook()).toEqual({ url: '', updatedAt: expect.any(Number) });
    expect(await api.getUpdates(0)).toEqual([]);
  });
});

describe('bot webhook helpers', () => {
  it('compares the secret exactly', () => {
    expect(secretHeaderMatches('secret-123', 'secret-123')).toBe(true);
    expect(secretHeaderMatches('secret-12', 'secret-123')).toBe(false);
    expect(secretHeaderMatches('secret-124', 'secret-123')).toBe(false);
    expect(secretHeaderMatches(undefined, 'secret-123')).toBe(false);
    expect(secretHeaderMatches(['secret-123'], 'secret-123')).toBe(false);
  });

  it('parses the wrapped and the bare body, and the photo_url variant', () => {
    const message = {
      message_id: 'm1',
      date: 1750316131602,
      chat: { id: 'c1', chat_type: 'PRIVATE' },
      from: { id: 'c1', display_name: 'Ted', is_bot: false },
      photo_url: 'https://x/p.jpg',
    };
    const bare = { event_name: 'message.image.received', message };
    expect(parseBotWebhookBody(JSON.stringify({ ok: true, result: bare }))?.message?.photoUrl).toBe('https://x/p.jpg');
    expect(parseBotWebhookBody(Buffer.from(JSON.stringify(bare)))?.message?.chatId).toBe('c1');
    expect(parseBotWebhookBody('{')).toBeNull();
    expect(
      parseBotWebhookBody(JSON.stringify({ ok: true, result: { event_name: 'message.unsupported.received' } })),
    ).toEqual({ eventName: 'message.unsupported.received', message: null });
    expect(
      parseBotWebhookBody(
        JSON.stringify({ ok: true, result: { event_name: 'message.text.received', message: { text: 'no ids' } } }),
      ),
    ).toBeNull();
  });
});
