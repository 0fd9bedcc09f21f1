import { describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { enqueue, type Outgoing } from '../../src/services/delivery.service.js';
import { msg } from '../../src/core/i18n.js';
import type { ApiCall, FakeUser } from '../../src/playground/fakes/telegram-server.js';

const CARDS = 20;
const sentTo = (chatId: number) => (c: ApiCall) =>
  c.ok && c.method === 'sendMessage' && Number(c.params.chat_id) === chatId;

describe("a team group's queue of cards holds up nobody else", () => {
  const world = useWorld();

  it('answers ten people and delivers their notices while the group gets its 20 cards at its own pace, in order', async () => {
    const { tg, deps } = world();
    const lead = tg.user({ id: 9901, first_name: 'Trưởng tổ' });
    const team = tg.group({ id: -100_990_001, title: 'Tổ hỗ trợ sáng kiến', members: [lead] });
    const people: FakeUser[] = [];
    for (let i = 0; i < 10; i++) {
      const person = tg.user({ id: 9910 + i, first_name: `Người ${i}` });
      await person.send('/help'); // a bot writes only to people who opened it
      people.push(person);
    }
    const to = (chatId: number, key: string, reply: Outgoing['reply']): Outgoing => ({
      key,
      channel: 'telegram',
      chatId: String(chatId),
      locale: 'vi',
      reply,
      kind: 'notice',
    });
    const cards = Array.from({ length: CARDS }, (_, n) =>
      to(team.id, `busy-card:${n}`, {
        parts: [msg('register-unit-choice', { name: `Thẻ ${n}`, code: `SK-2026-${n}` })],
      }),
    );
    const notices = people.map((p) => to(p.chatId, `busy-notice:${p.id}`, { parts: [msg('pledge-see')] }));

    await world().deliveryWorker.pause();
    expect(await enqueue(deps, cards)).toBe(CARDS);
    expect(await enqueue(deps, notices)).toBe(people.length); // queued behind every card
    const start = tg.calls.length;
    void world().deliveryWorker.resume();
    await Promise.all(people.map((p) => p.send('/help')));
    await world().drain(30_000);

    const calls = tg.calls.slice(start);
    expect(calls.filter((c) => c.errorCode === 429)).toEqual([]);
    const cardCalls = calls.filter(sentTo(team.id));
    expect(cardCalls.map((c) => String(c.params.text))).toEqual(cards.map((_, n) => `Thẻ ${n} (SK-2026-${n})`));
    // Everyone else is served while the group is still well short of its last card: the worker does not
    // wait for the group's slots, and the group's schedule never holds back the bot's answers.
    const fifteenthCard = calls.indexOf(cardCalls[14]!);
    for (const p of people) {
      const theirs = calls.filter(sentTo(p.chatId));
      expect(theirs.map((c) => String(c.params.text))).toEqual(expect.arrayContaining(['Xem: /pledges']));
      expect(theirs.length).toBeGreaterThanOrEqual(2);
      for (const c of theirs)
        expect(calls.indexOf(c), `${p.id}: ${String(c.params.text).slice(0, 30)}`).toBeLessThan(fifteenthCard);
    }
    // The group got its cards no faster than 20 a minute: three at once, then one a slot (3.34 s).
    // Messenger time runs 20x: 2 s of it is 100 ms of timer and scheduling slack on a busy machine.
    expect(cardCalls.at(-1)!.at - cardCalls[0]!.at).toBeGreaterThanOrEqual((CARDS - 3) * 3340 - 2000);
  });
});
