import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { inboxEmptied, useWorld } from '../support/world.js';
import { initiativesOf, lastText, memberOf, registerWorker } from '../support/story.js';
import { loadFlowState } from '../../src/services/flow-state.service.js';
import type { RunningTelegram } from '../../src/app.js';
import { RedisInbox } from '../../src/delivery/inbox.js';
import type { FakeTelegram } from '../../src/playground/fakes/telegram-server.js';

const SECRET = 'test-secret-0123456789';

/** Plays Telegram behind a load balancer: posts an update straight to one bot process's webhook. */
async function post(bot: RunningTelegram, update: object, secret = SECRET): Promise<number> {
  const { port } = bot.server!.server.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/telegram/hook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
    body: JSON.stringify(update),
  });
  return res.status;
}

/** An update posted past the fake: its id is taken from the fake's own sequence, so no other update has it. */
const textUpdate = (tg: FakeTelegram, user: { id: number; first_name: string }, text: string) => ({
  update_id: tg.takeUpdateId(),
  message: {
    message_id: tg.takeUpdateId(),
    date: 1_790_000_000,
    chat: { id: user.id, type: 'private', first_name: user.first_name },
    from: { ...user, is_bot: false },
    text,
    ...(text.startsWith('/')
      ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }
      : {}),
  },
});

describe('many people, several bot processes, at once', () => {
  const world = useWorld({ mode: 'webhook' });

  it('serves two workers filling in the form at the same time without mixing their answers', async () => {
    const a = world().tg.user({ id: 6001, first_name: 'Ánh' });
    const b = world().tg.user({ id: 6002, first_name: 'Bảo' });
    await Promise.all([registerWorker(a, 'CDCS-001'), registerWorker(b, 'CDCS-002')]);
    const fill = async (user: typeof a, tag: string) => {
      await user.send('/submit');
      for (const field of ['title', 'problem', 'solution', 'benefit']) await user.send(`${tag} ${field}`);
      await user.send('2 triệu rưỡi');
      await user.send(`${tag} scope`);
      await user.pressLatest('Đổi mới');
      await user.send('bỏ qua');
      await user.send('xong');
      await user.pressLatest('Không');
      await user.pressLatest('✅ Gửi sáng kiến');
      return lastText(user);
    };
    const [doneA, doneB] = await Promise.all([fill(a, 'A'), fill(b, 'B')]);
    expect(doneA).toMatch(/SK-2026-00000[12]/);
    expect(doneB).toMatch(/SK-2026-00000[12]/);
    expect(doneA).not.toBe(doneB);
    const [ia] = await initiativesOf(a);
    const [ib] = await initiativesOf(b);
    expect(ia).toMatchObject({
      title: 'A title',
      problem: 'A problem',
      scope: 'A scope',
      unitCode: 'CDCS-001',
      valueVnd: 2_500_000,
    });
    expect(ib).toMatchObject({ title: 'B title', problem: 'B problem', scope: 'B scope', unitCode: 'CDCS-002' });
  });

  it('keeps one consistent flow state when two bot processes answer the same worker at the same moment', async () => {
    const second = await world().startBot('webhook');
    const first = world().bots[0]!;
    const cuong = world().tg.user({ id: 6003, first_name: 'Cường' });
    await registerWorker(cuong, 'CDCS-003');
    await cuong.send('/submit');

    const statuses = await Promise.all([
      post(first, textUpdate(world().tg, cuong.info, 'Trả lời một')),
      post(second, textUpdate(world().tg, cuong.info, 'Trả lời hai')),
    ]);
    expect(statuses).toEqual([200, 200]);
    // Answered as soon as stored: the bots handle both right after.
    await inboxEmptied(world().deps.redis, 'telegram');

    const member = await memberOf(cuong);
    const state = await loadFlowState(world().deps.redis, String(member!._id));
    // Both answers landed, one after the other: neither was lost to the race.
    expect(state.step).toBe('solution');
    expect([state.answers.title, state.answers.problem].sort()).toEqual(['Trả lời hai', 'Trả lời một']);
  });

  it('handles an update delivered twice only once', async () => {
    const dao = world().tg.user({ id: 6004, first_name: 'Đào' });
    await registerWorker(dao, 'CDCS-001');
    const update = textUpdate(world().tg, dao.info, 'Một ý tưởng gửi hai lần');
    await world().tg.deliverRaw(update);
    const afterFirst = world().tg.botMessages(dao.chatId).length;
    await world().tg.deliverRaw(update);
    expect(world().tg.botMessages(dao.chatId).length).toBe(afterFirst);
  });

  it('refuses webhook calls without the secret token', async () => {
    const bot = world().bots[0]!;
    expect(await post(bot, textUpdate(world().tg, { id: 6005, first_name: 'X' }, 'hi'), 'wrong-secret-0000000')).toBe(
      401,
    );
    expect(await post(bot, textUpdate(world().tg, { id: 6005, first_name: 'X' }, 'hi'), '')).toBe(401);
    expect(world().tg.botMessages(6005)).toEqual([]);
  });

  it('answers Telegram’s webhook call at once while the answer to the person is still slow to send', async () => {
    const bot = world().bots[0]!;
    const em = world().tg.user({ id: 6006, first_name: 'Em' });
    await em.send('/help');
    world().tg.slowNext({ method: 'sendMessage', chatId: em.chatId, ms: 3000 });
    const started = Date.now();
    expect(await post(bot, textUpdate(world().tg, em.info, '/help'))).toBe(200);
    // Telegram got its 200 well before the bot could send the guide; the guide still arrives.
    expect(Date.now() - started).toBeLessThan(1500);
    expect(world().tg.botMessages(em.chatId)).toHaveLength(1);
    await inboxEmptied(world().deps.redis, 'telegram');
    expect(world().tg.botMessages(em.chatId)).toHaveLength(2);
    expect(lastText(em)).toContain('Sáng kiến – hướng dẫn');
  });

  it('handles, after a restart, an update its webhook stored just before the process died', async () => {
    const giang = world().tg.user({ id: 6007, first_name: 'Giang' });
    await giang.send('/help');
    await world().stopBots();
    // The webhook answered 200 and stored the update; the process died before handling it.
    await new RedisInbox(world().deps.redis, world().deps.log).put(
      'telegram',
      textUpdate(world().tg, giang.info, '/help'),
    );
    await world().startBot('webhook');
    await inboxEmptied(world().deps.redis, 'telegram');
    expect(world().tg.botMessages(giang.chatId)).toHaveLength(2);
    expect(lastText(giang)).toContain('Sáng kiến – hướng dẫn');
  });
});
