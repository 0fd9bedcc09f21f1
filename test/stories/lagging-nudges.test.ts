import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText, registerWorker } from '../support/story.js';
import { sendQuickIdea, staff } from '../support/support-team.js';
import { nudgeLaggingUnits } from '../../src/services/nudges.service.js';
import { CampaignModel, NudgeModel, TargetModel } from '../../src/models/index.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';

const nudges = (u: FakeUser) => u.transcript.filter((m) => m.plainText.includes('đang chậm so với tiến độ'));
const warnings = (u: FakeUser) => u.transcript.filter((m) => m.plainText.includes('chưa phản hồi hai lần nhắc'));

// One story told in steps: each step starts where the one before left the clock and the data.
describe(
  'lagging units get a friendly nudge, at most weekly, and their parent hears after two unanswered',
  { shuffle: false },
  () => {
    const world = useWorld();
    let chien: FakeUser; // officer of CDCS-001 (lagging)
    let tu: FakeUser; // support of CDCS-001
    let hai: FakeUser; // officer of the parent, KCN-TL
    let dao: FakeUser; // officer of CDCS-002 (on pace)

    const at = async (day: string) => {
      world().clock.set(`${day}T08:00:00+07:00`);
      return world().run(nudgeLaggingUnits);
    };

    beforeAll(async () => {
      // 100 days, a target of 100: a steady pace expects one a day.
      await CampaignModel.create({
        code: 'DOT-40',
        name: 'Đợt cao điểm',
        startDate: new Date('2026-11-01'),
        endDate: new Date('2027-02-08'),
      });
      await TargetModel.insertMany([
        { campaignCode: 'DOT-40', unitCode: 'CDCS-001', target: 100 },
        { campaignCode: 'DOT-40', unitCode: 'CDCS-002', target: 1 },
      ]);
      chien = await staff(world().tg, { id: 9801, first_name: 'Chiến' }, ['CDCS-001', 'officer']);
      tu = await staff(world().tg, { id: 9802, first_name: 'Tú' }, ['CDCS-001', 'support']);
      hai = await staff(world().tg, { id: 9803, first_name: 'Hải' }, ['KCN-TL', 'officer']);
      dao = await staff(world().tg, { id: 9804, first_name: 'Đào' }, ['CDCS-002', 'officer']);
      const worker = world().tg.user({ id: 9805, first_name: 'Lan' });
      await registerWorker(worker, 'CDCS-002');
      await sendQuickIdea(worker, 'Một sáng kiến đủ chỉ tiêu');
    });

    it('nudges the lagging unit’s officers and support team with the numbers, once in 7 days', async () => {
      expect(await at('2026-11-23')).toBe(1); // day 23: 0 of about 23 expected
      for (const u of [chien, tu]) expect(nudges(u)).toHaveLength(1);
      expect(nudges(chien)[0]!.plainText).toContain(
        'mới có 0 sáng kiến, trong khi theo nhịp đều lẽ ra đã có khoảng 23 (chỉ tiêu 100). Còn thiếu 23, còn 77 ngày.',
      );
      expect(nudges(dao)).toHaveLength(0);
      expect(await at('2026-11-24')).toBe(0);
      expect(await at('2026-11-27')).toBe(0);
      expect(nudges(chien)).toHaveLength(1);
    });

    it('tells the parent’s officers once after two unanswered nudges, and not when a nudge was answered', async () => {
      expect(await at('2026-11-30')).toBe(1); // 7 days after the first
      expect(warnings(hai)).toHaveLength(0);
      await at('2026-12-01');
      expect(warnings(hai)).toHaveLength(1);
      expect(warnings(hai)[0]!.plainText).toContain('Công ty May Việt Tiến');
      await at('2026-12-02');
      expect(warnings(hai)).toHaveLength(1);

      expect(await at('2026-12-07')).toBe(1);
      await chien.press(nudges(chien).at(-1)!, '✅ Đã nhận, sẽ đôn đốc');
      expect(lastText(chien)).toContain('Cảm ơn bạn!');
      await at('2026-12-08');
      expect(warnings(hai)).toHaveLength(1);
      expect(await NudgeModel.countDocuments({ unitCode: 'CDCS-001' })).toBe(3);
    });

    it('stops nudging once the campaign has ended, and sends each officer the final report once', async () => {
      expect(await at('2027-02-20')).toBe(0);
      const finals = (u: FakeUser) => u.transcript.filter((m) => m.plainText.includes('Đợt cao điểm đã kết thúc'));
      expect(finals(chien)).toHaveLength(1);
      expect(finals(chien)[0]!.plainText).toContain('Sáng kiến: 0 / chỉ tiêu 100 (0%)');
      expect(finals(dao)[0]!.plainText).toContain('Sáng kiến: 1 / chỉ tiêu 1 (100%)');
      expect(await at('2027-02-21')).toBe(0);
      expect(finals(chien)).toHaveLength(1);
    });
  },
);
