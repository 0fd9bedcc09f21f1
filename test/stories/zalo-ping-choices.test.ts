import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText } from '../support/story.js';
import { grant } from '../support/support-team.js';
import { zaloBotPerson, zaloOaPerson } from '../support/zalo-person.js';
import { nudgeLaggingUnits } from '../../src/services/nudges.service.js';
import { sendWeeklyPings } from '../../src/services/weekly-pings.service.js';
import { CampaignModel, NudgeModel, TargetModel } from '../../src/models/index.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';

const SURFACES = [
  { name: 'the Zalo OA', surface: 'oa', person: zaloOaPerson },
  { name: 'a Zalo Bot', surface: 'bot', person: zaloBotPerson },
] as const;

const nudgeAnswered = async (n: number) =>
  (await NudgeModel.find({ unitCode: 'CDCS-001' }).sort({ at: 1 }).lean())[n]?.answeredAt ?? null;

describe.each(SURFACES)('on $name', ({ surface, person }) => {
  // One story told in steps over three weeks of an officer's Zalo chat.
  describe(
    'the choices of pings and nudges are typed by number, and a number names one message’s choice only',
    { shuffle: false },
    () => {
      const world = useWorld();
      let chien: FakeUser; // officer of CDCS-001, a unit far behind its pace

      const on = (day: string) => world().clock.set(`${day}T08:00:00+07:00`);

      beforeAll(async () => {
        await CampaignModel.create({
          code: 'DOT-40',
          name: 'Đợt cao điểm',
          startDate: new Date('2026-11-01'),
          endDate: new Date('2027-02-08'),
        });
        await TargetModel.create({ campaignCode: 'DOT-40', unitCode: 'CDCS-001', target: 100 });
        const zalo = await world().startZalo(surface);
        chien = person(zalo, { id: 9501, first_name: 'Chiến' });
        await chien.send('/help');
        await grant(chien, 'CDCS-001', 'officer');
      });

      it('gives the nudge and the weekly ping numbers of their own; each number does what its message says', async () => {
        on('2026-11-23');
        await world().run(nudgeLaggingUnits);
        await world().run(sendWeeklyPings);
        const [nudge, ping] = chien.transcript.slice(-2).map((m) => m.plainText);
        expect(nudge).toContain('đang chậm so với tiến độ');
        expect(nudge).toContain('1. ✅ Đã nhận, sẽ đôn đốc');
        expect(ping).toContain('Báo cáo tiến độ tuần');
        expect(ping).toContain('2. 📊 Xem chi tiết');
        expect(ping).not.toMatch(/^1\. /m);

        await chien.send('2');
        expect(lastText(chien)).toContain('📊 Công ty May Việt Tiến – Đợt cao điểm');
        expect(await nudgeAnswered(0)).toBeNull();
        await chien.send('1');
        expect(lastText(chien)).toContain('Cảm ơn bạn!');
        expect(await nudgeAnswered(0)).toBeInstanceOf(Date);
      });

      it('while a question is open, a nudge takes numbers of its own, refused politely until it is answered', async () => {
        on('2026-11-30');
        // Đào, a new officer of the unit, is at the last step of his pledge: 1. save, 2. discard.
        const dao = person(world().zalo!, { id: 9502, first_name: 'Đào' });
        await dao.send('/help');
        await grant(dao, 'CDCS-001', 'officer');
        await dao.send('/pledge');
        await dao.send('Ít nhất 300 sáng kiến');
        await dao.send('31/5/2027');
        expect(lastText(dao)).toMatch(/1\. ✅ Lưu giao ước\n2\. /);
        await chien.send('/pledge');
        expect(lastText(chien)).toContain('Giao ước thi đua của');

        await world().run(nudgeLaggingUnits);
        const [toChien, toDao] = [chien, dao].map((u) => u.transcript.at(-1)!.plainText);
        // Chiến's 1 and 2 still name last week's messages, Đào's his question's: each nudge takes the next free number.
        expect(toChien).toContain('3. ✅ Đã nhận, sẽ đôn đốc');
        expect(toDao).toContain('3. ✅ Đã nhận, sẽ đôn đốc');
        expect(toChien).toContain('Bạn đang trả lời dở một câu hỏi khác');

        await chien.send('3');
        expect(lastText(chien)).toContain('Số 3 là lựa chọn của một tin nhắn khác');
        expect(lastText(chien)).toContain('Giao ước thi đua của'); // the open question again
        expect(await nudgeAnswered(1)).toBeNull();
        await dao.send('2'); // his question's 2: discard the pledge, not the nudge's
        expect(lastText(dao)).toContain('Đã bỏ, không gửi gì cả.');
        expect(await nudgeAnswered(1)).toBeNull();

        await chien.send('/cancel');
        await chien.send('3');
        expect(lastText(chien)).toContain('Cảm ơn bạn!');
        expect(await nudgeAnswered(1)).toBeInstanceOf(Date);
      });

      it('refuses a number of a message over a week old instead of doing anything', async () => {
        on('2026-12-02'); // the ping that offered 2 is 9 days old
        const before = chien.transcript.length;
        await chien.send('2');
        expect(chien.transcript.length).toBe(before + 1);
        expect(lastText(chien)).toContain('Số 2 là lựa chọn của một tin nhắn đã hơn một tuần');
        expect(lastText(chien)).not.toContain('📊 Công ty May Việt Tiến');
      });

      it('a menu of the bot’s answer keeps its numbers; a ping arriving meanwhile takes others', async () => {
        on('2026-12-07');
        await chien.send('/lang');
        expect(lastText(chien)).toMatch(/1\. .*Tiếng Việt/);
        await world().run(sendWeeklyPings);
        const ping = chien.transcript.at(-1)!.plainText;
        expect(ping).toContain('Báo cáo tiến độ tuần');
        const number = /^(\d+)\. 📊 Xem chi tiết/m.exec(ping)?.[1];
        expect(Number(number)).toBeGreaterThan(2);
        await chien.send('2');
        expect(lastText(chien)).toContain('English');
        await chien.send(number!);
        expect(lastText(chien)).toContain('📊 Công ty May Việt Tiến');
      });
    },
  );
});
