import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseOaEvent, verifyOaSignature } from '../../src/channels/zalo/oa-webhook.js';
import { FakeZalo } from '../../src/playground/fakes/zalo-server.js';

const OA_SECRET = 'oa-secret';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Delivery {
  raw: string;
  headers: IncomingHttpHeaders;
}

/** A fake with a webhook receiver that keeps every raw body, as the bot's endpoint would see it. */
async function setup(opts: { deliverEchoes?: boolean } = {}) {
  const fake = new FakeZalo({ oaSecretKey: OA_SECRET, ...opts });
  await fake.start();
  const deliveries: Delivery[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      deliveries.push({ raw: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () => fake.stop(),
    () => new Promise((resolve) => server.close(() => resolve())),
  );
  fake.setOaWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo`);
  const last = () => deliveries.at(-1)!;
  return { fake, last, lan: fake.oaUser({ name: 'Lan', phone: '84912345678' }) };
}

function verify(d: Delivery, secret = OA_SECRET, raw = d.raw): boolean {
  const event = parseOaEvent(raw);
  if (!event) return false;
  return verifyOaSignature(
    raw,
    d.headers['x-zevent-signature'] as string | undefined,
    event.appId,
    event.timestamp,
    secret,
  );
}

describe('verifyOaSignature', () => {
  it('accepts what Zalo (the fake) signed and rejects tampering, a wrong secret or a re-serialised body', async () => {
    const { last, lan } = await setup();
    await lan.send('Chào OA');
    const d = last();
    expect(verify(d)).toBe(true);
    expect(verify(d, OA_SECRET, Buffer.from(d.raw).toString())).toBe(true);
    expect(verify(d, 'not-the-secret')).toBe(false);
    expect(verify(d, OA_SECRET, d.raw.replace('Chào OA', 'Chào oa'))).toBe(false);
    expect(verify(d, OA_SECRET, JSON.stringify(JSON.parse(d.raw), null, 1))).toBe(false);
    expect(verify({ ...d, headers: {} })).toBe(false);
    expect(verify({ ...d, headers: { 'x-zevent-signature': 'mac=' } })).toBe(false);
  });
});

describe('parseOaEvent', () => {
  it('reads text, taps and quotes as text events with string ids', async () => {
    const { fake, last, lan } = await setup();
    await lan.send('Xin chào');
    expect(parseOaEvent(last().raw)).toEqual({
      kind: 'text',
      appId: fake.appId,
      eventName: 'user_send_text',
      timestamp: expect.stringMatching(/^\d+$/),
      userIdByApp: lan.idByApp,
      userId: lan.id,
      oaId: fake.oaId,
      msgId: lan.lastSentMsgId,
      text: 'Xin chào',
      quoteMsgId: null,
      attachments: [],
    });
    const quoted = lan.lastSentMsgId!;
    await lan.quoteReply(quoted, 'như trên');
    expect(parseOaEvent(last().raw)).toMatchObject({ kind: 'text', text: 'như trên', quoteMsgId: quoted });
  });

  it('reads images, files, stickers and other messages', async () => {
    const { last, lan } = await setup();
    await lan.sendImage('biên bản');
    expect(parseOaEvent(last().raw)).toMatchObject({
      kind: 'image',
      text: 'biên bản',
      attachments: [{ type: 'image', url: expect.any(String) }],
    });
    await lan.sendFile('de-xuat.docx');
    expect(parseOaEvent(last().raw)).toMatchObject({
      kind: 'file',
      attachments: [{ type: 'file', name: 'de-xuat.docx', fileType: 'docx', size: expect.any(String) }],
    });
    await lan.sendSticker();
    expect(parseOaEvent(last().raw)?.kind).toBe('sticker');
    await lan.sendLocation();
    expect(parseOaEvent(last().raw)).toMatchObject({ kind: 'other_message', eventName: 'user_send_location' });
  });

  it('reads follow, unfollow and user_submit_info', async () => {
    const { fake, last, lan } = await setup();
    await lan.follow();
    expect(parseOaEvent(last().raw)).toMatchObject({
      kind: 'follow',
      userId: lan.id,
      oaId: fake.oaId,
      source: 'oa_profile',
    });
    await lan.unfollow();
    expect(parseOaEvent(last().raw)?.kind).toBe('unfollow');
    await lan.follow();
    const oaAsks = {
      attachment: {
        type: 'template',
        payload: {
          template_type: 'request_user_info',
          elements: [{ title: 't', subtitle: 's', image_url: 'https://example.com/i.png' }],
        },
      },
    };
    const { accessToken } = fake.issueTokens();
    await fetch(`${fake.url}/v3.0/oa/message/cs`, {
      method: 'POST',
      headers: { access_token: accessToken, 'content-type': 'application/json' },
      body: JSON.stringify({ recipient: { user_id: lan.id }, message: oaAsks }),
    });
    await lan.submitInfo();
    expect(parseOaEvent(last().raw)).toMatchObject({
      kind: 'user_submit_info',
      userId: lan.id,
      info: { name: 'Lan', phone: '84912345678' },
    });
  });

  it('recognises the OA’s own echoes', async () => {
    const { fake, last, lan } = await setup({ deliverEchoes: true });
    await lan.send('hi');
    const { accessToken } = fake.issueTokens();
    const res = await fetch(`${fake.url}/v3.0/oa/message/cs`, {
      method: 'POST',
      headers: { access_token: accessToken, 'content-type': 'application/json' },
      body: JSON.stringify({ recipient: { user_id: lan.id }, message: { text: 'chào' } }),
    });
    const { data } = (await res.json()) as { data: { message_id: string } };
    await expect.poll(() => parseOaEvent(last().raw)?.kind).toBe('echo');
    expect(parseOaEvent(last().raw)).toMatchObject({
      kind: 'echo',
      userId: lan.id,
      oaId: fake.oaId,
      msgId: data.message_id,
    });
  });

  it('ignores unknown events, keeps the app id for checking, and rejects malformed bodies', () => {
    const seen = parseOaEvent(
      JSON.stringify({ app_id: '999', event_name: 'user_seen_message', timestamp: '1', message: { msg_ids: ['a'] } }),
    );
    expect(seen).toEqual({
      kind: 'ignored',
      appId: '999',
      eventName: 'user_seen_message',
      timestamp: '1',
      userIdByApp: null,
    });
    expect(parseOaEvent('not json')).toBeNull();
    expect(parseOaEvent(JSON.stringify({ event_name: 'user_send_text' }))).toBeNull();
    // Ids as numbers would already have lost digits: refused, not coerced.
    expect(parseOaEvent('{"app_id":2553928453557884079,"event_name":"follow","timestamp":"1"}')).toBeNull();
    expect(
      parseOaEvent(JSON.stringify({ app_id: '1', event_name: 'user_send_text', timestamp: '1', sender: { id: 'u' } })),
    ).toBeNull();
  });
});
