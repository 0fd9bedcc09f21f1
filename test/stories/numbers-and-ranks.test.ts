import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { registerWorker } from '../support/story.js';
import { grant, sendQuickIdea, staff } from '../support/support-team.js';
import { zaloOaPerson } from '../support/zalo-person.js';
import { seedCampaign } from '../support/officers.js';
import { sendWeeklyPings } from '../../src/services/weekly-pings.service.js';
import { sendClusterRankings } from '../../src/services/clusters.service.js';
import { ClusterModel } from '../../src/models/index.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';

const ping = (u: FakeUser) => u.transcript.find((m) => /Báo cáo tiến độ tuần|Progress report, week/.test(m.plainText))!;
const ranking = (u: FakeUser) =>
  u.transcript.find((m) => /Xếp hạng|ranking/i.test(m.plainText) && m.plainText.includes('2026-Q4'))!;

// One story told in steps: a week of November 2026, then the first day of 2027.
describe('numbers in the reader’s notation, and ties that share a rank', { shuffle: false }, () => {
  const world = useWorld(); // Monday 23/11/2026, 09:00 in Vietnam
  let mai: FakeUser; // officer of CDCS-001, Vietnamese, Telegram
  let kim: FakeUser; // officer of CDCS-001, English, Telegram
  let yen: FakeUser; // officer of CDCS-002, Telegram
  let son: FakeUser; // officer of CDCS-003, on the Zalo OA

  beforeAll(async () => {
    await seedCampaign({ 'CDCS-001': 1_000, 'CDCS-002': 50, 'CDCS-003': 80 });
    await ClusterModel.create({
      code: 'CUM-KCN',
      name: 'Cụm thi đua KCN Thăng Long',
      unitCodes: ['CDCS-001', 'CDCS-002', 'CDCS-003'],
    });
    mai = await staff(world().tg, { id: 9751, first_name: 'Mai' }, ['CDCS-001', 'officer']);
    kim = world().tg.user({ id: 9752, first_name: 'Kim' });
    await registerWorker(kim, 'CDCS-001', { language: 'en' });
    await grant(kim, 'CDCS-001', 'officer');
    yen = await staff(world().tg, { id: 9753, first_name: 'Yến' }, ['CDCS-002', 'officer']);
    son = zaloOaPerson(await world().startZalo('oa'), { id: 9754, first_name: 'Sơn' });
    await son.send('/help');
    await grant(son, 'CDCS-003', 'officer');
    // CDCS-001: three registered members (Kim is one), four ideas: 4 of 1.000, 1,33 per member.
    const a = world().tg.user({ id: 9755, first_name: 'A' });
    const b = world().tg.user({ id: 9756, first_name: 'B' });
    await registerWorker(a, 'CDCS-001');
    await registerWorker(b, 'CDCS-001');
    for (const idea of ['Ý tưởng một', 'Ý tưởng hai', 'Ý tưởng ba', 'Ý tưởng bốn']) await sendQuickIdea(a, idea);
  });

  it('the weekly ping writes a small share with a decimal comma, and units at the same share are tied', async () => {
    await world().run(sendWeeklyPings);
    expect(ping(mai).plainText).toContain('Sáng kiến: 4 / chỉ tiêu 1.000 (0,4%)');
    expect(ping(mai).plainText).toContain('Xếp thứ 1/3 trong các đơn vị cùng cấp');
    expect(ping(kim).plainText).toContain('Initiatives: 4 / target 1,000 (0.4%)');
    // CDCS-002 and CDCS-003 are both at 0 %: both second of three, on Telegram and on Zalo.
    expect(ping(yen).plainText).toContain('Xếp thứ 2/3 (đồng hạng) trong các đơn vị cùng cấp');
    expect(ping(son).plainText).toContain('Xếp thứ 2/3 (đồng hạng) trong các đơn vị cùng cấp');
  });

  it('the quarter’s cluster ranking: initiatives per member with a decimal comma, and ties share a rank', async () => {
    world().clock.set('2027-01-01T09:00:00+07:00');
    await son.send('/help'); // Zalo lets the OA write within 7 days of a person's last message
    await world().run(sendClusterRankings);
    const text = ranking(mai).plainText;
    expect(text).toContain('1. Công ty May Việt Tiến: 4 sáng kiến, 1,33 sáng kiến/đoàn viên');
    expect(text).toContain('2. Công ty Cơ khí Hà Nội: 0 sáng kiến, 0,00 sáng kiến/đoàn viên');
    expect(text).toContain('2. Công ty May Thăng Long: 0 sáng kiến, 0,00 sáng kiến/đoàn viên');
    expect(text).not.toMatch(/^3\. /m);
    expect(ranking(son).plainText).toBe(text);
    expect(ranking(kim).plainText).toContain('1. Công ty May Việt Tiến: 4 initiatives, 1.33 per member');
  });
});
