import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { lastText, registerWorker } from '../support/story.js';
import { grant, sendQuickIdea } from '../support/support-team.js';
import { foldProgress } from '../../src/services/progress-fold.service.js';
import { decodePng, isRed, regions } from '../support/png.js';
import { seedCampaign } from '../support/officers.js';
import { TargetModel } from '../../src/models/index.js';

describe('an officer asks for progress on demand', () => {
  const world = useWorld();
  beforeAll(async () => {
    await seedCampaign({ 'KCN-TL': 4 });
  });

  it("sees the subtree's numbers against its target, current before and after the counters are folded", async () => {
    const officer = world().tg.user({ id: 9601, first_name: 'Cán bộ Hải' });
    await officer.send('/help');
    await grant(officer, 'KCN-TL', 'officer');
    const a = world().tg.user({ id: 9602, first_name: 'A' });
    const b = world().tg.user({ id: 9603, first_name: 'B' });
    await registerWorker(a, 'CDCS-001');
    await registerWorker(b, 'CDCS-003');
    await sendQuickIdea(a, 'Ý tưởng một');
    await sendQuickIdea(b, 'Ý tưởng hai');

    await officer.send('/progress');
    expect(lastText(officer)).toContain('Công đoàn các KCN-CX Hà Nội – 1 triệu sáng kiến');
    expect(lastText(officer)).toContain('Sáng kiến: 2 / chỉ tiêu 4 (50%)');
    expect(lastText(officer)).toContain('Tuần này: 2');

    await foldProgress(world().deps);
    await officer.send('/progress KCN-TL');
    expect(lastText(officer)).toContain('Sáng kiến: 2 / chỉ tiêu 4 (50%)');
    await a.send('/progress');
    expect(lastText(a)).toContain('📊 Công ty May Việt Tiến – 1 triệu sáng kiến');
    expect(lastText(a)).toContain('Sáng kiến: 1');

    // Once child units have targets, the chart of them comes with the numbers, then the unit's weekly trend.
    await TargetModel.create({ campaignCode: 'MTSK-2026', unitCode: 'CDCS-001', target: 2 });
    await officer.send('/progress KCN-TL');
    const [units, trend] = officer.lastReplies.filter((m) => m.kind === 'photo');
    expect(units?.caption).toBe('Công đoàn các KCN-CX Hà Nội – 1 triệu sáng kiến');
    expect(trend?.caption).toBe('Công đoàn các KCN-CX Hà Nội – 1 triệu sáng kiến – lũy kế theo tuần');
    for (const chart of [units, trend]) expect(decodePng(chart!.upload!.bytes).width).toBe(800);
    // CDCS-001: 1 of 2, behind a steady pace in late November (about 1.8): one red bar (and the legend's swatch).
    const redRows = new Set(
      regions(decodePng(units!.upload!.bytes), isRed)
        .filter((r) => r.height >= 10)
        .map((r) => Math.round(r.top / 20)),
    );
    expect(redRows.size).toBe(2);
  });
});
