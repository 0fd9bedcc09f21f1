import { afterEach, describe, expect, it } from 'vitest';
import { ZaloBotApi } from '../../src/channels/zalo/bot-api.js';
import { ZaloOaApi } from '../../src/channels/zalo/oa-api.js';
import { pacedBy } from '../../src/channels/zalo/pacing.js';
import { ZaloBotSender, ZaloOaSender } from '../../src/channels/zalo/send.js';
import { I18n, msg } from '../../src/core/i18n.js';
import type { Reply } from '../../src/core/reply.js';
import type { Pacing } from '../../src/core/sender.js';
import { FakeZalo } from '../../src/playground/fakes/zalo-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startFake(): Promise<FakeZalo> {
  const fake = new FakeZalo({ appSecretKey: 'app-secret' });
  await fake.start();
  cleanups.push(() => fake.stop());
  fake.setOaWebhook('http://127.0.0.1:9/unused'); // pushes are not under test here: nobody listens
  return fake;
}

/**
 * A pacer that lets everything through at once and writes down, for each turn it gave, the chat and how
 * many messages that chat held at that moment: so each wait can be matched with the message after it.
 */
function recordingPacer(inboxLength: () => number): { pacing: Pacing; turns: { chatId: string; before: number }[] } {
  const turns: { chatId: string; before: number }[] = [];
  return {
    turns,
    pacing: {
      wait: async (channel, chatId) => {
        expect(channel).toBe('zalo');
        turns.push({ chatId, before: inboxLength() });
      },
      holdOff: async () => undefined,
    },
  };
}

/** Three texts of ~1,500 characters (Zalo takes 2,000 at most) and a photo by its link. */
const longReply: Reply = {
  parts: [1, 2, 3].map((n) => msg('card-similar', { list: `${n} ${'chữ '.repeat(370)}` })),
  attachments: [{ kind: 'photo', fileId: 'https://photo.zalo.example/anh.jpg' }],
};

describe('Zalo pacing lives in the API clients: every message a sender sends waits for its turn first, once', () => {
  it('on the Bot Platform', async () => {
    const fake = await startFake();
    const ted = fake.botUser({ name: 'Ted' });
    await ted.send('xin chào');
    const { pacing, turns } = recordingPacer(() => ted.inbox.length);
    const api = new ZaloBotApi({ apiRoot: fake.url, token: fake.botToken, messages: pacedBy(pacing) });
    const sent = await new ZaloBotSender(api, new I18n()).send(ted.id, 'vi', longReply);
    expect(ted.inbox.length).toBe(sent.ids.length);
    expect(sent.ids.length).toBeGreaterThanOrEqual(4);
    expect(turns).toEqual(sent.ids.map((_, n) => ({ chatId: ted.id, before: n })));
  });

  it('on the Official Account', async () => {
    const fake = await startFake();
    const lan = fake.oaUser({ name: 'Lan' });
    await lan.send('xin chào');
    const { pacing, turns } = recordingPacer(() => lan.inbox.length);
    const { accessToken } = fake.issueTokens();
    const tokens = { accessToken: async () => accessToken, refreshAfterFailure: async () => accessToken };
    const api = new ZaloOaApi({ apiRoot: fake.url, tokens, messages: pacedBy(pacing) });
    const sender = new ZaloOaSender(api, new I18n(), {}, { imageUrl: 'https://cong-doan.example/logo.png' });
    const sent = await sender.send(lan.id, 'vi', longReply);
    expect(lan.inbox.length).toBe(sent.ids.length);
    expect(sent.ids.length).toBeGreaterThanOrEqual(4);
    expect(turns).toEqual(sent.ids.map((_, n) => ({ chatId: lan.id, before: n })));
  });
});
