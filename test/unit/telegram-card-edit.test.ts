import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramSender } from '../../src/channels/telegram/send.js';
import { I18n, msg } from '../../src/core/i18n.js';
import type { Reply } from '../../src/core/reply.js';
import { FakeTelegram, type BotMessage, type FakeUser } from '../../src/playground/fakes/telegram-server.js';

/** A reply of `paragraphs` texts of ~3,000 characters each (one Telegram message apiece) with two buttons. */
const longReply = (paragraphs: number, tag: string): Reply => ({
  parts: Array.from({ length: paragraphs }, (_, n) =>
    msg('card-similar', { list: `${tag}${n + 1} ${'chữ '.repeat(750)}` }),
  ),
  buttons: [
    [
      { label: msg('card-btn-accept'), data: 'c:SK-2026-000001:accept' },
      { label: msg('card-btn-reject'), data: 'c:SK-2026-000001:reject' },
    ],
  ],
});

const buttonsOf = (m: BotMessage): string[] => m.inlineButtons.flat().map((b) => b.text);

describe('TelegramSender.edit: a reply split in parts, edited into more or fewer parts', () => {
  let fake: FakeTelegram;
  let lan: FakeUser;
  let sender: TelegramSender;

  beforeAll(async () => {
    // Telegram's flood limits are the pacer's business (tested elsewhere); here only the edits count.
    fake = await FakeTelegram.start({ rateLimits: false });
    lan = fake.user({ id: 4401, first_name: 'Lan' });
    const api = new Api(fake.token, { apiRoot: fake.apiRoot });
    // A bot may only write to people who wrote first: Lan writes, and the bot takes the update.
    const wrote = lan.send('/start');
    const updates = await api.getUpdates({ timeout: 1 });
    await api.getUpdates({ offset: updates.at(-1)!.update_id + 1, timeout: 0 });
    await wrote;
    sender = new TelegramSender(api, new I18n());
  });
  afterAll(() => fake.stop());

  it('continues in new messages when the text grows, and deletes the parts left over when it shrinks', async () => {
    const chat = String(lan.chatId);
    const sent = await sender.send(chat, 'vi', longReply(2, 'A'));
    expect(sent.parts).toBe(2);
    expect(lan.transcript.map(buttonsOf)).toEqual([[], ['✅ Chấp nhận', '✖️ Không chấp nhận']]);

    const grown = await sender.edit(chat, sent.ids.slice(0, sent.parts), 'vi', longReply(3, 'B'));
    expect(grown.ids.slice(0, 2)).toEqual(sent.ids.slice(0, 2));
    expect(grown.ids).toHaveLength(3);
    expect(lan.transcript.map((m) => m.plainText.slice(0, 23))).toEqual([
      '🔎 Có thể trùng với: B1',
      '🔎 Có thể trùng với: B2',
      '🔎 Có thể trùng với: B3',
    ]);
    expect(lan.transcript.map(buttonsOf)).toEqual([[], [], ['✅ Chấp nhận', '✖️ Không chấp nhận']]);

    const shrunk = await sender.edit(chat, grown.ids, 'vi', longReply(1, 'C'));
    expect(shrunk).toEqual({ ids: [sent.ids[0]], parts: 1 });
    expect(lan.transcript).toHaveLength(1);
    expect(lan.transcript[0]!.plainText).toContain('C1');
    expect(buttonsOf(lan.transcript[0]!)).toEqual(['✅ Chấp nhận', '✖️ Không chấp nhận']);
  });
});
