import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText } from '../support/story.js';
import { staff } from '../support/support-team.js';
import { remindPledges } from '../../src/services/pledges.service.js';
import { CampaignModel, PledgeModel, PledgeSelfCheckModel } from '../../src/models/index.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';

const about = (u: FakeUser, text: string) => u.transcript.filter((m) => m.plainText.includes(text));

// One story told in steps: each step starts where the one before left the clock and the data.
describe('an officer records the unit’s emulation pledge and is reminded as it falls due', { shuffle: false }, () => {
  const world = useWorld(); // today is Monday 23/11/2026 in Vietnam
  let thao: FakeUser; // officer of CDCS-001
  let hai: FakeUser; // officer of the parent KCN-TL

  const on = async (day: string) => {
    world().clock.set(`${day}T08:05:00+07:00`);
    return world().run(remindPledges);
  };

  beforeAll(async () => {
    await CampaignModel.create({
      code: 'MTSK-2026',
      name: '1 triệu sáng kiến',
      startDate: new Date('2026-01-01'),
      endDate: new Date('2027-12-31'),
    });
    thao = await staff(world().tg, { id: 9901, first_name: 'Thảo' }, ['CDCS-001', 'officer']);
    hai = await staff(world().tg, { id: 9902, first_name: 'Hải' }, ['KCN-TL', 'officer']);
  });

  it('records commitments and a due date in chat, refusing a past date', async () => {
    await thao.send('/pledge');
    expect(lastText(thao)).toContain('Giao ước thi đua của Công ty May Việt Tiến');
    await thao.send('- Ít nhất 300 sáng kiến\n- 100% đoàn viên tham gia\n\n');
    await thao.send('1/1/2026');
    expect(lastText(thao)).toContain('Hạn hoàn thành phải là một ngày sau hôm nay');
    await thao.send('31/02/2027');
    expect(lastText(thao)).toContain('Mình chưa đọc được ngày này');
    await thao.send('21/12/2026');
    expect(lastText(thao)).toContain('1. Ít nhất 300 sáng kiến\n2. 100% đoàn viên tham gia');
    await thao.pressLatest('✅ Lưu giao ước');
    expect(lastText(thao)).toContain('Đã lưu giao ước');
    expect(await PledgeModel.findOne({ unitCode: 'CDCS-001' }).lean()).toMatchObject({
      campaignCode: 'MTSK-2026',
      commitments: [{ text: 'Ít nhất 300 sáng kiến' }, { text: '100% đoàn viên tham gia' }],
    });
    await thao.send('/pledges');
    expect(lastText(thao)).toContain('Hạn 21/12/2026 (còn 28 ngày)');
  });

  it('reminds at 14, 7 and 1 days and on the day, each once, then weekly when overdue and the parent after two weeks', async () => {
    expect(await on('2026-12-06')).toBe(0); // 15 days before
    expect(await on('2026-12-07')).toBe(1); // 14
    expect(await on('2026-12-08')).toBe(0);
    expect(await on('2026-12-15')).toBe(1); // 6 days: the 7-day reminder, a day late
    expect(await on('2026-12-20')).toBe(1); // 1
    expect(await on('2026-12-21')).toBe(1); // the day
    expect(about(thao, 'đến hạn ngày 21/12/2026')).toHaveLength(4);
    expect(await on('2026-12-22')).toBe(1); // 1 day overdue
    expect(await on('2026-12-25')).toBe(0);
    expect(await on('2026-12-29')).toBe(1); // a week later
    expect(about(hai, 'Đề nghị đơn vị cấp trên đôn đốc')).toHaveLength(0);
    expect(await on('2027-01-04')).toBe(1); // 14 days overdue: now the parent too
    expect(about(hai, 'đã quá hạn 14 ngày')).toHaveLength(1);
    expect(await on('2027-01-05')).toBe(1); // the unit's weekly reminder
    expect(await on('2027-01-11')).toBe(1); // the parent's weekly one
    expect(about(thao, 'đã quá hạn')).toHaveLength(3);
    expect(about(hai, 'Đề nghị đơn vị cấp trên đôn đốc')).toHaveLength(2);
  });

  it('asks for a self-check of every commitment six months after signing, and stores the answers', async () => {
    const selfChecks = () => about(thao, 'Đã 6 tháng kể từ khi');
    await on('2027-05-22');
    expect(selfChecks()).toHaveLength(0);
    await on('2027-05-23'); // six months after 23/11/2026
    expect(selfChecks()).toHaveLength(1);
    const reminder = selfChecks()[0]!;
    expect(reminder.plainText).toContain('Đã 6 tháng kể từ khi Công ty May Việt Tiến ký giao ước thi đua');
    await thao.press(reminder, '📝 Tự kiểm tra ngay');
    expect(lastText(thao)).toContain('1/2. Ít nhất 300 sáng kiến');
    await thao.send('Đã có 320 sáng kiến');
    await thao.pressLatest('✅ Đã xong');
    expect(lastText(thao)).toContain('2/2. 100% đoàn viên tham gia');
    await thao.pressLatest('⏳ Đang làm');
    expect(lastText(thao)).toContain('Đã lưu kết quả tự kiểm tra');
    const check = await PledgeSelfCheckModel.findOne({ months: 6 }).lean();
    expect(check!.results).toEqual([
      { text: 'Ít nhất 300 sáng kiến', state: 'done', note: 'Đã có 320 sáng kiến' },
      { text: '100% đoàn viên tham gia', state: 'in_progress', note: '' },
    ]);
    await on('2027-05-24');
    expect(selfChecks()).toHaveLength(1);
    await thao.press(reminder, '📝 Tự kiểm tra ngay');
    expect(lastText(thao)).toContain('Kỳ tự kiểm tra này đã được báo cáo rồi');
  });
});
