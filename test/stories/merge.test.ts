import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText, registerWorker } from '../support/story.js';
import { grant, sendQuickIdea, staff } from '../support/support-team.js';
import { zaloOaPerson } from '../support/zalo-person.js';
import { seedCampaign } from '../support/officers.js';
import { ClusterModel, InitiativeModel } from '../../src/models/index.js';
import { progressOf, statusMetric } from '../../src/services/progress.service.js';
import { foldProgress, recount } from '../../src/services/progress-fold.service.js';
import { nudgeLaggingUnits } from '../../src/services/nudges.service.js';
import { sendClusterRankings } from '../../src/services/clusters.service.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';

const cardOf = (u: FakeUser, code: string) => u.transcript.find((m) => m.plainText.startsWith(`📥 ${code}`))!;

// One story told in steps: the merge, then what each person reads, then what the numbers say.
describe('a duplicate merged into the initiative it repeats', { shuffle: false }, () => {
  const world = useWorld();
  let cuc: FakeUser; // support of CDCS-001, cards privately on Telegram
  let lan: FakeUser; // the original's author, on Telegram
  let tom: FakeUser; // the duplicate's author, on the Zalo OA
  let hai: FakeUser; // officer of CDCS-001
  let original: string;
  let duplicate: string;

  beforeAll(async () => {
    await seedCampaign(['CDCS-001']);
    await ClusterModel.create({ code: 'CUM-MAY', name: 'Cụm ngành May', unitCodes: ['CDCS-001'] });
    const zalo = await world().startZalo('oa');
    cuc = world().tg.user({ id: 9501, first_name: 'Cúc' });
    await cuc.send('/help');
    await grant(cuc, 'CDCS-001', 'support');
    hai = await staff(world().tg, { id: 9502, first_name: 'Hải' }, ['CDCS-001', 'officer']);
    lan = world().tg.user({ id: 9503, first_name: 'Lan' });
    await registerWorker(lan, 'CDCS-001');
    tom = zaloOaPerson(zalo, { id: 9504, first_name: 'Tôn' });
    await registerWorker(tom, 'CDCS-001');
    original = await sendQuickIdea(lan, 'Bọc cao su tay cầm máy dập');
    duplicate = await sendQuickIdea(tom, 'Tay cầm máy dập nên bọc cao su cho đỡ trơn');
  });

  it('closes the duplicate as merged, not refused, and tells both authors', async () => {
    await cuc.send(`/merge ${duplicate} ${original}`);
    expect(lastText(cuc)).toContain(`Đã gộp ${duplicate} vào ${original}; cả hai tác giả được ghi nhận`);
    // The duplicate's author, on Zalo: a merge and a credit, not "Không được chấp nhận".
    const told = tom.transcript.find((m) => m.plainText.includes(`Sáng kiến ${duplicate} của bạn trùng ý`))!;
    expect(told.plainText).toContain(`Bạn được ghi nhận là đồng tác giả của ${original}`);
    expect(tom.transcript.map((m) => m.plainText).join('\n')).not.toContain('Không được chấp nhận');
    // The kept initiative's author hears it too.
    expect(lan.transcript.at(-1)!.plainText).toContain(
      `Sáng kiến ${duplicate} của Tôn trùng ý với sáng kiến ${original} của bạn, nên tổ hỗ trợ đã gộp vào ${original}. Tôn được ghi nhận là đồng tác giả.`,
    );
    expect(await InitiativeModel.findOne({ code: duplicate }).lean()).toMatchObject({
      status: 'merged',
      mergedInto: original,
    });
  });

  it('shows the credit: the kept card and /show name both authors, the co-author’s /mine lists both', async () => {
    expect(cardOf(cuc, original).plainText).toContain('Tác giả: Lan (—), Tôn (gộp từ sáng kiến trùng)');
    expect(cardOf(cuc, duplicate).plainText).toContain(`Đã gộp vào ${original}`);
    await cuc.send(`/show ${original}`);
    expect(lastText(cuc)).toContain('Tôn (gộp từ sáng kiến trùng)');
    await tom.send('/mine');
    expect(lastText(tom)).toContain(`${duplicate} · 23/11/2026 · Đã gộp vào ${original}`);
    expect(lastText(tom)).toContain(`${original} · 23/11/2026 · Đã gửi · bạn là đồng tác giả`);
    await tom.send(`/show ${original}`);
    expect(lastText(tom)).toContain('Bọc cao su tay cầm máy dập');
    await lan.send('/mine');
    expect(lastText(lan)).toContain(original);
    expect(lastText(lan)).not.toContain(duplicate);
  });

  it('carries the co-author’s conversation on under the kept initiative', async () => {
    await tom.send(`/reply ${duplicate} Tôi có ảnh tay cầm cũ`);
    expect(lastText(tom)).toContain(`${duplicate} đã được gộp vào ${original}, bạn là đồng tác giả của sáng kiến đó`);
    await tom.send(`/reply ${original} Tôi có ảnh tay cầm cũ`);
    expect(lastText(tom)).toContain(`Đã chuyển tới tổ hỗ trợ về ${original}`);
    expect(cuc.transcript.at(-1)!.plainText).toContain(`Tác giả Tôn trả lời về ${original}:\nTôi có ảnh tay cầm cũ`);
  });

  it('leaves the counts, nudges and rankings; the counters and recount agree', async () => {
    await foldProgress(world().deps);
    const counts = await progressOf(world().deps.redis, 'MTSK-2026', 'CDCS-001');
    expect(counts.get(statusMetric('merged'))).toBe(1);
    expect(counts.get('week:2026-W48')).toBe(1);
    expect(counts.get('quarter:2026-Q4')).toBe(1);
    expect(await recount(world().deps.redis, 'MTSK-2026')).toEqual({ initiatives: 2, drift: [] });

    await hai.send('/progress');
    expect(lastText(hai)).toContain('Sáng kiến: 1 / chỉ tiêu 100 (1%)');
    expect(lastText(hai)).toContain('Tuần này: 1');
    await world().run(nudgeLaggingUnits);
    expect(hai.transcript.at(-1)!.plainText).toContain('mới có 1 sáng kiến');
    world().clock.set('2027-01-01T09:00:00+07:00');
    await world().run(sendClusterRankings);
    expect(hai.transcript.at(-1)!.plainText).toContain('1. Công ty May Việt Tiến: 1 sáng kiến');
  });

  it('refuses to merge into an initiative that is closed', async () => {
    const third = await sendQuickIdea(lan, 'Bọc cao su tay cầm máy ép');
    await cuc.send(`/merge ${third} ${duplicate}`);
    expect(lastText(cuc)).toContain(
      `Không gộp vào ${duplicate} được: sáng kiến này đã được gộp vào một sáng kiến khác`,
    );
    expect((await InitiativeModel.findOne({ code: third }).lean())!.status).toBe('submitted');
  });

  it('no longer offers a merged duplicate as a similar initiative on new cards', async () => {
    world().clock.set('2026-11-24T09:00:00+07:00'); // back in the campaign of the two
    const again = await sendQuickIdea(lan, 'Tay cầm máy dập nên bọc cao su cho đỡ trơn tay');
    const hint = cardOf(cuc, again).plainText;
    expect(hint).toContain(`Có thể trùng với: ${original}`);
    expect(hint).not.toContain(duplicate);
  });
});
