import { describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { initiativesOf, lastText, registerWorker } from '../support/story.js';

describe('when Telegram pushes back, the worker still gets answers', () => {
  const world = useWorld();

  it('waits out a 429 retry_after and a 502, then answers', async () => {
    const ngoc = world().tg.user({ id: 7001, first_name: 'Ngọc' });
    await registerWorker(ngoc, 'CDCS-001');
    world().tg.failNext({ method: 'sendMessage', code: 429, retryAfter: 1, chatId: ngoc.chatId });
    await ngoc.send('/mine');
    expect(lastText(ngoc)).toContain('Bạn chưa gửi sáng kiến nào');
    world().tg.failNext({ method: 'sendMessage', code: 502, chatId: ngoc.chatId });
    await ngoc.send('/help');
    expect(lastText(ngoc)).toContain('Sáng kiến – hướng dẫn');
    const failed = world()
      .tg.calls.filter((c) => c.method === 'sendMessage' && !c.ok)
      .map((c) => c.errorCode);
    expect(failed).toEqual(expect.arrayContaining([429, 502]));
  });

  it('keeps working for everyone else when a worker blocks the bot right after writing', async () => {
    const blocked = world().tg.user({ id: 7002, first_name: 'Phong' });
    const other = world().tg.user({ id: 7003, first_name: 'Quyên' });
    await registerWorker(blocked, 'CDCS-002');
    await registerWorker(other, 'CDCS-002');
    world().tg.failNext({ method: 'sendMessage', code: 403, chatId: blocked.chatId });
    await blocked.send('Ý tưởng gửi rồi chặn bot ngay');
    expect(blocked.lastReplies).toEqual([]);
    expect(world().tg.calls.some((c) => c.method === 'sendMessage' && c.errorCode === 403)).toBe(true);
    await other.send('/mine');
    expect(lastText(other)).toContain('Bạn chưa gửi sáng kiến nào');
  });

  it('splits a summary longer than 4096 characters into valid messages', async () => {
    const long = world().tg.user({ id: 7004, first_name: 'Dài' });
    await registerWorker(long, 'CDCS-003');
    await long.send('/submit');
    await long.send('Tiêu đề <dài> & rõ');
    for (let i = 0; i < 3; i++)
      await long.send(`${'Nội dung <b>không phải thẻ</b> & ký tự đặc biệt. '.repeat(70)}${i}`);
    await long.send('bỏ qua');
    await long.send('Toàn công ty');
    await long.pressLatest('Đổi mới');
    await long.send('bỏ qua');
    await long.send('xong');
    await long.pressLatest('Không');
    expect(long.lastReplies.length).toBeGreaterThan(1);
    for (const m of long.lastReplies) expect(m.text!.length).toBeLessThanOrEqual(4096);
    expect(lastText(long)).toContain('Tiêu đề <dài> & rõ');
    await long.pressLatest('✅ Gửi sáng kiến');
    const [stored] = await initiativesOf(long);
    expect(stored!.problem).toContain('Nội dung <b>không phải thẻ</b> & ký tự đặc biệt.');
  });
});
