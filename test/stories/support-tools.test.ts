import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText, registerWorker } from '../support/story.js';
import { grant, sendQuickIdea } from '../support/support-team.js';
import { InitiativeModel, MemberModel, ThreadMessageModel } from '../../src/models/index.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';

describe("the support team's working tools", () => {
  const world = useWorld();
  let cuc: FakeUser; // support of CDCS-001, privately
  let lan: FakeUser;
  let tom: FakeUser;

  beforeAll(async () => {
    cuc = world().tg.user({ id: 9401, first_name: 'Cúc' });
    await cuc.send('/help');
    await grant(cuc, 'CDCS-001', 'support');
    lan = world().tg.user({ id: 9402, first_name: 'Lan' });
    await registerWorker(lan, 'CDCS-001', { sharePhone: true });
    tom = world().tg.user({ id: 9403, first_name: 'Tom' });
    await registerWorker(tom, 'CDCS-001', { language: 'en' });
  });

  it('keeps private notes the author never sees', async () => {
    const code = await sendQuickIdea(lan, 'Thay quạt trần bằng quạt công nghiệp');
    await cuc.send(`/note ${code} Cần hỏi phòng kỹ thuật về điện năng`);
    expect(lastText(cuc)).toContain(`Đã lưu ghi chú nội bộ cho ${code}`);
    const i = await InitiativeModel.findOne({ code }).lean();
    expect(await ThreadMessageModel.find({ initiativeId: i!._id }).lean()).toMatchObject([
      { direction: 'note', text: 'Cần hỏi phòng kỹ thuật về điện năng' },
    ]);
    expect(lastText(lan)).not.toContain('phòng kỹ thuật');
  });

  it('saves canned replies and sends them in the author’s own language', async () => {
    await cuc.send(
      '/tpl add cam-on Cảm ơn bạn, tổ sẽ xem trong tuần này. || Thank you, the team will review it this week.',
    );
    expect(lastText(cuc)).toContain('Đã lưu mẫu "cam-on"');
    await cuc.send('/tpl');
    expect(lastText(cuc)).toContain('cam-on: Cảm ơn bạn');
    const code = await sendQuickIdea(tom, 'Color labels on fabric rolls');
    await cuc.send(`/tpl cam-on ${code}`);
    expect(lastText(tom)).toContain('Thank you, the team will review it this week.');
    await cuc.send(`/tpl khong-co ${code}`);
    expect(lastText(cuc)).toContain('Không có mẫu "khong-co"');
  });

  it('enters an idea for a worker who told it in person, and tells them when they use the bot', async () => {
    await cuc.send('/onbehalf 0901234567 | Lan | Dùng kéo điện thay kéo tay ở tổ cắt');
    expect(lastText(cuc)).toMatch(/Đã ghi SK-\d{4}-\d{6} cho người lao động ở Công ty May Việt Tiến và báo cho họ/);
    expect(lastText(lan)).toContain('đã ghi ý tưởng bạn kể thành sáng kiến');
    const entered = await InitiativeModel.findOne({ idea: 'Dùng kéo điện thay kéo tay ở tổ cắt' }).lean();
    const lanMember = await MemberModel.findOne({ phone: '+84901234567' }).lean();
    expect(entered!.authorId.equals(lanMember!._id)).toBe(true);
    expect(entered!.enteredBy).not.toBeNull();

    await cuc.send('/onbehalf 0987000111 | Bà Tư | Trồng cây xanh quanh nhà xưởng');
    expect(lastText(cuc)).toContain('Họ chưa dùng bot nên chưa nhận được thông báo');
    expect(await MemberModel.findOne({ phone: '+84987000111' }).lean()).toMatchObject({
      name: 'Bà Tư',
      unitCode: 'CDCS-001',
    });
    await cuc.send('/onbehalf thiếu thông tin');
    expect(lastText(cuc)).toContain('Cách dùng: /onbehalf');
  });
});
