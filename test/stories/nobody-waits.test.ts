import { describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText, memberOf, registerWorker } from '../support/story.js';
import { loadFlowState } from '../../src/services/flow-state.service.js';
import type { FakeTelegram, FakeUser } from '../../src/playground/fakes/telegram-server.js';

const GUIDE = 'Sáng kiến – hướng dẫn';

/** Resolves when the bot has sent this person a message that contains `text`. */
const answered = (tg: FakeTelegram, user: FakeUser, text: string) =>
  tg.waitForCall(
    (c) =>
      c.method === 'sendMessage' &&
      c.ok &&
      Number(c.params.chat_id) === user.chatId &&
      String(c.params.text).includes(text),
  );

describe.each(['polling', 'webhook'] as const)('on a busy day (%s), nobody waits for someone else', (mode) => {
  const world = useWorld({ mode });

  it('answers another person at once while Telegram is slow to take one person’s answer', async () => {
    const lan = world().tg.user({ id: 9901, first_name: 'Lan' });
    const minh = world().tg.user({ id: 9902, first_name: 'Minh' });
    world().tg.slowNext({ method: 'sendMessage', chatId: lan.chatId, ms: 2000 });
    let lanAnswered = false;
    const lanAsked = lan.send('/help').then(() => (lanAnswered = true));
    await new Promise((resolve) => setTimeout(resolve, 200)); // the bot is now waiting on Telegram for Lan

    void minh.send('/help');
    await answered(world().tg, minh, GUIDE);
    expect(lanAnswered).toBe(false);

    await lanAsked;
    expect(lastText(lan)).toContain(GUIDE);
  });

  it('takes one person’s quick messages in the order they were sent', async () => {
    const hoa = world().tg.user({ id: 9903, first_name: 'Hoa' });
    await registerWorker(hoa, 'CDCS-001');
    await hoa.send('/submit');
    // Three answers typed faster than the bot answers: each must land on its own question, in order.
    await Promise.all([hoa.send('Tiêu đề nhanh'), hoa.send('Thực trạng nhanh'), hoa.send('Giải pháp nhanh')]);
    const state = await loadFlowState(world().deps.redis, String((await memberOf(hoa))!._id));
    expect(state.answers).toMatchObject({
      title: 'Tiêu đề nhanh',
      problem: 'Thực trạng nhanh',
      solution: 'Giải pháp nhanh',
    });
  });

  it('stops the button’s spinner first, then answers', async () => {
    const quang = world().tg.user({ id: 9905, first_name: 'Quang' });
    await registerWorker(quang, 'CDCS-001');
    await quang.send('Đặt thùng phân loại rác ở mỗi xưởng');
    world().tg.slowNext({ method: 'sendMessage', chatId: quang.chatId, ms: 1000 });
    await quang.pressLatest('📨 Gửi ý tưởng');
    const calls = world().tg.calls.map((c, i) => ({ ...c, i }));
    const toast = calls.filter((c) => c.method === 'answerCallbackQuery').at(-1)!.i;
    const code = calls
      .filter(
        (c) =>
          c.method === 'sendMessage' &&
          Number(c.params.chat_id) === quang.chatId &&
          /SK-\d{4}-\d{6}/.test(String(c.params.text)),
      )
      .at(-1)!.i;
    expect(toast).toBeLessThan(code);
  });

  it('stops the spinner within a second even while the bot is still busy with the person’s previous message', async () => {
    const vy = world().tg.user({ id: 9906, first_name: 'Vy' });
    await registerWorker(vy, 'CDCS-001');
    await vy.send('Lắp thêm quạt hút ở xưởng sơn');
    // The answer to their /help takes 3 s to reach Telegram; they press "send" meanwhile.
    world().tg.slowNext({ method: 'sendMessage', chatId: vy.chatId, ms: 3000 });
    const help = vy.send('/help');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const callsBefore = world().tg.calls.length;
    const pressedAt = Date.now();
    const pressed = vy.pressLatest('📨 Gửi ý tưởng');
    await world().tg.waitForCall(
      (c) => c.method === 'answerCallbackQuery' && world().tg.calls.indexOf(c) >= callsBefore,
      5_000,
    );
    expect(Date.now() - pressedAt).toBeLessThan(1_500);
    await Promise.all([help, pressed]);
    // The press was still handled, after the /help, in order.
    expect(lastText(vy)).toMatch(/SK-\d{4}-\d{6}/);
  });

  it('answers a message whose bot process died while handling it, after the restart, once', async () => {
    const tuan = world().tg.user({ id: 9904, first_name: 'Tuấn' });
    await tuan.send('/help');
    // A process took this update and died before storing anything: its short lease is all that is left.
    const updateId = world().tg.takeUpdateId();
    await world().deps.redis.set(`seen:telegram:${updateId}`, 'leased', 'PX', 500);
    const update = {
      update_id: updateId,
      message: {
        message_id: 77,
        date: Math.floor(Date.now() / 1000),
        chat: { id: tuan.id, type: 'private', first_name: 'Tuấn' },
        from: { id: tuan.id, is_bot: false, first_name: 'Tuấn' },
        text: '/help',
      },
    };
    const before = world().tg.calls.filter(
      (c) => c.method === 'sendMessage' && Number(c.params.chat_id) === tuan.chatId,
    ).length;
    await world().tg.deliverRaw(update);
    await answered(world().tg, tuan, GUIDE);
    // Telegram sends it again (a webhook retry): it is not answered twice.
    if (mode === 'webhook') await world().tg.deliverRaw(update);
    const after = world().tg.calls.filter(
      (c) => c.method === 'sendMessage' && Number(c.params.chat_id) === tuan.chatId,
    ).length;
    expect(after - before).toBe(1);
  });
});
