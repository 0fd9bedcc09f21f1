import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { registerWorker } from '../support/story.js';
import { grant, sendQuickIdea } from '../support/support-team.js';
import { SupportGroupModel } from '../../src/models/index.js';
import type { FakeGroup, FakeUser } from '../../src/playground/fakes/telegram-server.js';

const cardIn = (group: FakeGroup, code: string) => group.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`));

describe(
  'support groups through Telegram’s group life: upgrade to a supergroup, removal, relinking, chatter',
  { shuffle: false },
  () => {
    const world = useWorld();
    let hoa: FakeUser; // support member of CDCS-002 and CDCS-003
    let an: FakeUser; // worker of CDCS-002
    let binh: FakeUser; // worker of CDCS-003

    beforeAll(async () => {
      hoa = world().tg.user({ id: 6101, first_name: 'Hoa' });
      await hoa.send('/help');
      await grant(hoa, 'CDCS-002', 'support');
      await grant(hoa, 'CDCS-003', 'support');
      an = world().tg.user({ id: 6102, first_name: 'An' });
      await registerWorker(an, 'CDCS-002');
      binh = world().tg.user({ id: 6103, first_name: 'Bình' });
      await registerWorker(binh, 'CDCS-003');
    });

    it('follows a group upgraded to a supergroup from the 400 migrate_to_chat_id, and resends the card there', async () => {
      const group = world().tg.group({ id: -6100, title: 'Tổ hỗ trợ Cơ khí', members: [hoa] });
      await group.send(hoa, '/linkgroup CDCS-002');
      const supergroup = await group.migrateToSupergroup(hoa, { announce: false });
      const code = await sendQuickIdea(an, 'Lắp thêm đèn ở kho phôi');
      await expect.poll(() => cardIn(supergroup, code), { timeout: 10_000 }).toBeDefined();
      expect(await SupportGroupModel.findOne({ unitCode: 'CDCS-002' }).lean()).toMatchObject({
        chatId: String(supergroup.id),
        lostAt: null,
      });
      await supergroup.send(hoa, '/linkgroup CDCS-002');
      expect(supergroup.lastReplies.at(-1)!.plainText).toContain('đã được gắn với');
    });

    it('follows the migrate_to_chat_id service message before anything fails, without a word in either chat', async () => {
      const group = world().tg.group({ id: -6200, title: 'Tổ hỗ trợ May', members: [hoa] });
      await group.send(hoa, '/linkgroup CDCS-003');
      const before = group.transcript.length;
      const supergroup = await group.migrateToSupergroup(hoa);
      expect(group.transcript).toHaveLength(before);
      expect(supergroup.transcript).toHaveLength(0);
      expect((await SupportGroupModel.findOne({ unitCode: 'CDCS-003' }).lean())?.chatId).toBe(String(supergroup.id));
      const code = await sendQuickIdea(binh, 'Thêm giá treo kéo ở bàn cắt');
      await expect.poll(() => cardIn(supergroup, code), { timeout: 10_000 }).toBeDefined();
    });

    it('lets a lost group be replaced by /linkgroup, and /unlinkgroup remove a link', async () => {
      const old = await SupportGroupModel.findOne({ unitCode: 'CDCS-003' }).lean();
      await SupportGroupModel.updateOne({ _id: old!._id }, { $set: { lostAt: new Date() } });
      const fresh = world().tg.group({ id: -6300, title: 'Tổ hỗ trợ May (mới)', members: [hoa] });
      await fresh.send(hoa, '/linkgroup CDCS-003');
      expect(fresh.lastReplies.at(-1)!.plainText).toContain('nay là nơi tổ hỗ trợ');
      expect(await SupportGroupModel.findOne({ unitCode: 'CDCS-003' }).lean()).toMatchObject({
        chatId: '-6300',
        lostAt: null,
      });

      // A live group is not taken over: the answer says how to unlink it first.
      const other = world().tg.group({ id: -6400, title: 'Nhóm khác', members: [hoa] });
      await other.send(hoa, '/linkgroup CDCS-003');
      expect(other.lastReplies.at(-1)!.plainText).toContain('/unlinkgroup');
      await fresh.send(hoa, '/unlinkgroup');
      expect(fresh.lastReplies.at(-1)!.plainText).toContain('Đã gỡ nhóm tổ hỗ trợ');
      await other.send(hoa, '/linkgroup CDCS-003');
      expect(other.lastReplies.at(-1)!.plainText).toContain('nay là nơi tổ hỗ trợ');
      // New cards go to the group linked now.
      const code = await sendQuickIdea(binh, 'Đánh số các ngăn tủ dụng cụ');
      await expect.poll(() => cardIn(other, code), { timeout: 10_000 }).toBeDefined();
    });

    it('answers only what is addressed to it in a group: no reply to chatter, stickers or joins; /help works', async () => {
      const group = world().tg.group({ id: -6500, title: 'Tổ hỗ trợ chung', members: [hoa] });
      const lan = world().tg.user({ id: 6104, first_name: 'Lan' });
      await group.send(hoa, 'Chào cả nhà, chiều nay họp nhé');
      expect(group.lastReplies).toHaveLength(0);
      await group.sendSticker(hoa);
      expect(group.lastReplies).toHaveLength(0);
      await group.join(lan);
      expect(group.lastReplies).toHaveLength(0);
      await group.send(hoa, '/help');
      expect(group.lastReplies.length).toBeGreaterThan(0);
    });
  },
);
