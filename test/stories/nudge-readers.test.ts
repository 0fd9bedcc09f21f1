import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText } from '../support/story.js';
import { grant, staff } from '../support/support-team.js';
import { zaloOaPerson } from '../support/zalo-person.js';
import { nudgeLaggingUnits } from '../../src/services/nudges.service.js';
import { CampaignModel, NudgeModel, TargetModel } from '../../src/models/index.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';

const nudges = (u: FakeUser) => u.transcript.filter((m) => m.plainText.includes('đang chậm so với tiến độ'));
const nobody = (u: FakeUser, unit: string) =>
  u.transcript.filter(
    (m) => m.plainText.includes(`${unit} chậm tiến độ`) && m.plainText.includes('không nhắc được ai'),
  );
const unanswered = (u: FakeUser) => u.transcript.filter((m) => m.plainText.includes('chưa phản hồi hai lần nhắc'));

// One story told in steps over three weeks of a 100-day drive: each step starts where the one before left the clock.
describe('nudges say what is true to each reader', { shuffle: false }, () => {
  const world = useWorld();
  let chien: FakeUser; // officer of CDCS-001 (lagging), Telegram
  let tu: FakeUser; // support member of CDCS-001, on the Zalo OA
  let hai: FakeUser; // officer of the parent, KCN-TL
  let quan: FakeUser; // another officer of KCN-TL, on the Zalo OA

  const at = async (day: string) => {
    world().clock.set(`${day}T08:00:00+07:00`);
    // A Zalo OA may write to a person within 7 days of their last message.
    for (const onZalo of [tu, quan]) await onZalo.send('/help');
    return world().run(nudgeLaggingUnits);
  };

  beforeAll(async () => {
    await CampaignModel.create({
      code: 'DOT-40',
      name: 'Đợt cao điểm',
      startDate: new Date('2026-11-01'),
      endDate: new Date('2027-02-08'),
    });
    // Three units, all far behind: CDCS-001 has an officer and a support member, CDCS-002 an officer who
    // never wrote to the bot, CDCS-003 nobody at all.
    await TargetModel.insertMany(
      ['CDCS-001', 'CDCS-002', 'CDCS-003'].map((unitCode) => ({ campaignCode: 'DOT-40', unitCode, target: 100 })),
    );
    chien = await staff(world().tg, { id: 9851, first_name: 'Chiến' }, ['CDCS-001', 'officer']);
    const zalo = await world().startZalo('oa');
    tu = zaloOaPerson(zalo, { id: 9852, first_name: 'Tú' });
    await tu.send('/help');
    await grant(tu, 'CDCS-001', 'support');
    quan = zaloOaPerson(zalo, { id: 9855, first_name: 'Quân' });
    await quan.send('/help');
    await grant(quan, 'KCN-TL', 'officer');
    hai = await staff(world().tg, { id: 9853, first_name: 'Hải' }, ['KCN-TL', 'officer']);
    await grant(world().tg.user({ id: 9854, first_name: 'Chưa nhắn' }), 'CDCS-002', 'officer');
  });

  it('words the suggestion for each reader: officers ask the team, the team goes out and collects', async () => {
    expect(await at('2026-11-23')).toBe(1);
    const officer = nudges(chien)[0]!.plainText;
    expect(officer).toContain('Gợi ý: nhờ tổ hỗ trợ sáng kiến đi thu ý tưởng nhanh');
    const team = nudges(tu)[0]!.plainText;
    expect(team).toContain('Gợi ý: tổ hỗ trợ sáng kiến đi thu ý tưởng nhanh ở các tổ, chuyền trong tuần này');
    expect(team).toContain('/onbehalf');
    expect(team).not.toContain('nhờ tổ hỗ trợ');
  });

  it('tells the parent once that a unit has nobody to nudge, and never claims unanswered nudges there', async () => {
    expect(nobody(hai, 'Công ty May Thăng Long')).toHaveLength(1);
    expect(nobody(hai, 'Công ty May Thăng Long')[0]!.plainText).toContain(
      'đơn vị chưa có cán bộ hay thành viên tổ hỗ trợ nào được phân công trên bot',
    );
    expect(nobody(hai, 'Công ty Cơ khí Hà Nội')[0]!.plainText).toContain(
      'cán bộ và tổ hỗ trợ của đơn vị chưa ai nhắn cho bot lần nào',
    );
    expect(nobody(quan, 'Công ty May Thăng Long')).toHaveLength(1);
    // Two more weeks: CDCS-001 leaves two nudges unanswered and its parent hears it; the units with nobody
    // are never said to have left nudges unanswered, nor is the parent told about them again.
    await at('2026-11-30');
    await at('2026-12-01');
    await at('2026-12-07');
    await at('2026-12-08');
    const about = new Set(unanswered(hai).map((m) => m.plainText.split(' chậm tiến độ')[0]));
    expect([...about]).toEqual(['⚠️ Công ty May Việt Tiến']);
    expect(nobody(hai, 'Công ty May Thăng Long')).toHaveLength(1);
    expect(nobody(hai, 'Công ty Cơ khí Hà Nội')).toHaveLength(1);
    expect(new Set(unanswered(quan).map((m) => m.plainText.split(' chậm tiến độ')[0]))).toEqual(about);
    expect(nobody(quan, 'Công ty May Thăng Long')).toHaveLength(1);
    expect(await NudgeModel.countDocuments({ unitCode: 'CDCS-003', reached: 0 })).toBe(3);
  });

  it('takes the “got it” button off the message once pressed', async () => {
    const latest = nudges(chien).at(-1)!;
    expect(latest.inlineButtons.flat().map((b) => b.text)).toEqual(['✅ Đã nhận, sẽ đôn đốc']);
    await chien.press(latest, '✅ Đã nhận, sẽ đôn đốc');
    expect(lastText(chien)).toContain('Cảm ơn bạn!');
    expect(nudges(chien).at(-1)!.inlineButtons).toEqual([]);
    expect(await NudgeModel.findOne({ unitCode: 'CDCS-001' }).sort({ at: -1 }).lean()).toMatchObject({
      answeredAt: expect.any(Date),
    });
  });
});
