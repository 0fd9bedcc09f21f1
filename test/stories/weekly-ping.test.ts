import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText, registerWorker } from '../support/story.js';
import { grant, sendQuickIdea, staff } from '../support/support-team.js';
import { sendWeeklyPings } from '../../src/services/weekly-pings.service.js';
import { PledgeModel } from '../../src/models/index.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';
import { decodePng, isBlue, isRed, regions } from '../support/png.js';
import { seedCampaign } from '../support/officers.js';

const HOUR = 3_600_000;
const charts = (u: FakeUser) => u.transcript.filter((m) => m.kind === 'photo' && m.upload);
const pings = (u: FakeUser) => u.transcript.filter((m) => m.plainText.includes('Báo cáo tiến độ tuần'));

// One story told in steps: each step starts where the one before left the clock and the data.
describe('officers get a weekly progress ping, once a week, never in quiet hours', { shuffle: false }, () => {
  const world = useWorld(); // the clock starts on Monday 23/11/2026, 09:00 in Vietnam (ISO week 48)
  let hai: FakeUser;
  let yen: FakeUser;

  beforeAll(async () => {
    await seedCampaign({ 'KCN-TL': 10, 'CDCS-001': 1, 'CDCS-002': 100 });
    await PledgeModel.create({
      unitCode: 'CDCS-001',
      campaignCode: 'MTSK-2026',
      commitments: [{ text: '50 sáng kiến' }],
      dueDate: new Date('2026-11-30'),
      signedAt: new Date('2026-01-15'),
      submissionKey: 'p1',
    });
    hai = await staff(world().tg, { id: 9701, first_name: 'Hải' }, ['KCN-TL', 'officer']);
    yen = await staff(world().tg, { id: 9702, first_name: 'Yến' }, ['CDCS-001', 'officer']);
    const worker = world().tg.user({ id: 9703, first_name: 'Lan' });
    await registerWorker(worker, 'CDCS-001');
    await sendQuickIdea(worker, 'Ý tưởng tuần này');
  });

  it('sends the Monday 07:30 ping with the numbers once, even when the job runs again or late', async () => {
    expect(await world().run(sendWeeklyPings)).toBe(2);
    expect(pings(hai)).toHaveLength(1);
    expect(pings(hai)[0]!.plainText).toContain('Báo cáo tiến độ tuần 2026-W48');
    expect(pings(hai)[0]!.plainText).toContain('Sáng kiến: 1 / chỉ tiêu 10 (10%)');
    // Its child CDCS-002 is far behind a steady pace (100 over the year: about 90 by late November).
    expect(pings(hai)[0]!.plainText).toContain(
      'Chậm tiến độ: Công ty Cơ khí Hà Nội – 0 so với khoảng 90 theo nhịp đều',
    );
    expect(pings(hai)[0]!.plainText).not.toContain('Chậm tiến độ: Công ty May Việt Tiến');
    // CDCS-001 reached its target; of the two siblings with targets it ranks first.
    expect(pings(yen)[0]!.plainText).toContain('Xếp thứ 1/2 trong các đơn vị cùng cấp');
    expect(pings(hai)[0]!.plainText).toContain('Giao ước của Công ty May Việt Tiến: đến hạn 30/11/2026');

    // With it, the chart of its child units: a valid PNG with CDCS-001's actual bar on pace (blue) and
    // CDCS-002's nothing at all, behind (red, drawn 0 wide: only the legend's swatch); then the weekly trend.
    const chart = charts(hai);
    expect(chart).toHaveLength(2);
    expect(chart[0]!.caption).toBe('Công đoàn các KCN-CX Hà Nội – 1 triệu sáng kiến');
    expect(chart[1]!.caption).toBe('Công đoàn các KCN-CX Hà Nội – 1 triệu sáng kiến – lũy kế theo tuần');
    const img = decodePng(chart[0]!.upload!.bytes);
    expect(img.width).toBe(800);
    const rowsOf = (match: typeof isBlue) =>
      new Set(
        regions(img, match)
          .filter((r) => r.height >= 10)
          .map((r) => Math.round(r.top / 20)),
      ).size;
    expect(rowsOf(isBlue)).toBe(2);
    expect(rowsOf(isRed)).toBe(1);
    expect(decodePng(chart[1]!.upload!.bytes).width).toBe(800);
    // A grassroots union has no child units to chart: its ping is the text alone (its trend is in /progress).
    expect(charts(yen)).toHaveLength(0);
    await hai.press(pings(hai)[0]!, '📊 Xem chi tiết');
    expect(lastText(hai)).toContain('Sáng kiến: 1 / chỉ tiêu 10 (10%)');
    await hai.send('/lagging');
    expect(lastText(hai)).toContain('Công đoàn các KCN-CX Hà Nội: 1 đơn vị trực thuộc chậm so với nhịp đều');
    expect(lastText(hai)).toContain('Công ty Cơ khí Hà Nội – 0 so với khoảng 90');
    await yen.send('/lagging');
    expect(lastText(yen)).toContain('Công ty May Việt Tiến: không có đơn vị trực thuộc nào chậm tiến độ');

    expect(await world().run(sendWeeklyPings)).toBe(0);
    world().clock.advance(30 * HOUR);
    expect(await world().run(sendWeeklyPings)).toBe(0);
    expect(pings(hai)).toHaveLength(1);
  });

  it('waits out quiet hours and sends at the first run after the chosen time', async () => {
    await yen.send('/ping t4 22:00');
    expect(lastText(yen)).toContain('thứ Tư lúc 22:00');
    const at = async (vietnamTime: string, expected: number) => {
      world().clock.set(`${vietnamTime}+07:00`);
      expect(await world().run(sendWeeklyPings), vietnamTime).toBe(expected);
    };
    await at('2026-11-25T22:00:00', 0); // Yến's time, but quiet hours (and W48 went out on Monday)
    await at('2026-11-30T06:00:00', 0); // W49: quiet, and before Hải's 07:30
    await at('2026-11-30T08:00:00', 1); // Hải
    expect(pings(hai).at(-1)!.plainText).toContain('tuần 2026-W49');
    await at('2026-12-02T22:00:00', 0); // Yến's time, quiet
    await at('2026-12-03T07:10:00', 1); // the first run after quiet hours
    expect(pings(yen).at(-1)!.plainText).toContain('tuần 2026-W49');
  });

  it('stops when turned off, refuses non-officers, and skips an officer the bot cannot reach', async () => {
    await hai.send('/ping off');
    expect(lastText(hai)).toContain('Bạn đã tắt báo cáo tiến độ hằng tuần');
    const silent = world().tg.user({ id: 9704, first_name: 'Chưa nhắn' });
    await grant(silent, 'HN', 'officer');
    world().clock.set('2026-12-08T10:00:00+07:00'); // Tuesday of W50: Hải off, Yến's day not yet
    expect(await world().run(sendWeeklyPings)).toBe(0);
    const worker = world().tg.user({ id: 9705, first_name: 'Công nhân' });
    await worker.send('/ping');
    expect(lastText(worker)).toContain('dành cho cán bộ công đoàn');
    await hai.send('/ping sometime');
    expect(lastText(hai)).toContain('Đổi giờ: /ping t2 7:30');
  });
});
