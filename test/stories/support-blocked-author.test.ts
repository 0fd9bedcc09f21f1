import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { registerWorker } from '../support/story.js';
import { grant, sendQuickIdea } from '../support/support-team.js';
import { InitiativeModel, ThreadMessageModel } from '../../src/models/index.js';
import type { FakeGroup, FakeUser } from '../../src/playground/fakes/telegram-server.js';

const card = (group: FakeGroup, code: string) => group.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;
/** How many times the group was told that the author of `code` cannot be reached. */
const warnings = (group: FakeGroup, code: string) =>
  group.transcript.filter((m) => m.plainText.startsWith(`⚠️ ${code}: không gửi được tin cho tác giả`)).length;

describe('an author who blocked the bot: the team is told once, not once per message', () => {
  const world = useWorld();
  let kha: FakeUser;
  let group: FakeGroup;

  beforeAll(async () => {
    kha = world().tg.user({ id: 8401, first_name: 'Kha' });
    await kha.send('/help');
    await grant(kha, 'CDCS-002', 'support');
    group = world().tg.group({ id: -8400, title: 'Tổ hỗ trợ Cơ khí', members: [kha] });
    await group.send(kha, '/linkgroup CDCS-002');
  });

  it('a reply to an author who blocked the bot: one warning; the next replies say at once that nothing went', async () => {
    const tien = world().tg.user({ id: 8402, first_name: 'Tiến' });
    await registerWorker(tien, 'CDCS-002');
    const code = await sendQuickIdea(tien, 'Dán nhãn cảnh báo ở máy ép');
    world().tg.block(tien.id);

    await group.replyTo(kha, card(group, code), 'Bạn chụp giúp tổ ảnh máy ép nhé');
    expect(warnings(group, code)).toBe(1);

    await group.replyTo(kha, card(group, code), 'Tổ nhắc lại: cần ảnh máy ép');
    expect(group.lastReplies.map((m) => m.plainText)).toEqual([
      `⚠️ ${code}: tin chưa tới được tác giả, vì bot hiện không nhắn được cho họ (có thể họ đã chặn bot). Tin của bạn đã được lưu vào hồ sơ sáng kiến.`,
    ]);
    await group.press(kha, card(group, code), '🙋 Nhận xử lý'); // its status notice cannot reach Tiến either
    expect(warnings(group, code)).toBe(1);
    const i = await InitiativeModel.findOne({ code }).lean();
    expect(await ThreadMessageModel.countDocuments({ initiativeId: i!._id, direction: 'to_submitter' })).toBe(2);
  });

  it('a status notice and a reply failing together, one of them retried by the delivery worker: one warning', async () => {
    const hai = world().tg.user({ id: 8403, first_name: 'Hải' });
    await registerWorker(hai, 'CDCS-002');
    const code = await sendQuickIdea(hai, 'Thêm tấm chắn phoi ở máy tiện');
    // Telegram first fails with a 500 (the worker backs off and tries again), then Hải has blocked the bot.
    world().tg.failNext({ method: 'sendMessage', code: 500, chatId: hai.chatId });
    world().tg.block(hai.id);
    // Both are queued before either is tried (the story does not wait for the deliveries in between).
    const { tg } = world();
    const drainAfterUpdate = tg.afterUpdate;
    await world().withWorkersPaused(async () => {
      tg.afterUpdate = async () => undefined;
      await group.press(kha, card(group, code), '🙋 Nhận xử lý');
      await group.replyTo(kha, card(group, code), 'Tấm chắn bằng mica được không?');
    });
    tg.afterUpdate = drainAfterUpdate;
    await world().drain();
    expect(warnings(group, code)).toBe(1);
    expect(
      world().tg.calls.filter((c) => c.method === 'sendMessage' && c.params.chat_id === String(hai.chatId)),
    ).length.greaterThanOrEqual(2);

    // Once Hải writes to the bot again, a later block is news to the team: told once more.
    world().clock.advance(60 * 60 * 1000);
    world().tg.unblock(hai.id);
    await hai.send('/mine');
    world().clock.advance(60 * 60 * 1000);
    world().tg.block(hai.id);
    await group.replyTo(kha, card(group, code), 'Tổ cần thêm số đo tấm chắn');
    expect(warnings(group, code)).toBe(2);
  });
});
