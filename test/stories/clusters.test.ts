import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { registerWorker } from '../support/story.js';
import { sendQuickIdea, staff } from '../support/support-team.js';
import { sendClusterRankings } from '../../jobs/cluster-rankings.job.js';
import { importClusters } from '../../src/admin/clusters.js';
import { CampaignModel, ClusterModel, TargetModel } from '../../src/models/index.js';
import type { FakeUser } from '../fakes/telegram-server.js';

const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('emulation clusters are ranked every quarter and their officers hear the ranking', () => {
  const world = useWorld(); // submissions happen on 23/11/2026, in Q4
  let mai: FakeUser; // officer of CDCS-001
  let son: FakeUser; // officer of CDCS-003

  beforeAll(async () => {
    await CampaignModel.create({ code: 'Q4-2026', name: 'Thi đua quý IV', startDate: new Date('2026-10-01'), endDate: new Date('2026-12-31') });
    await TargetModel.insertMany([
      { campaignCode: 'Q4-2026', unitCode: 'CDCS-001', target: 2 },
      { campaignCode: 'Q4-2026', unitCode: 'CDCS-003', target: 5 },
    ]);
    mai = await staff(world().tg, { id: 9911, first_name: 'Mai' }, ['CDCS-001', 'officer']);
    son = await staff(world().tg, { id: 9912, first_name: 'Sơn' }, ['CDCS-003', 'officer']);
  });

  it('imports clusters from CSV, refusing the whole file when a row is bad', async () => {
    const bad = await importClusters(csv('cluster_code,cluster_name,unit_code', 'CUM-MAY,Cụm thi đua ngành May,CDCS-001', 'CUM-MAY,Cụm thi đua ngành May,KHONG-CO'));
    expect(!bad.ok && bad.problems.map((p) => [p.line, p.reason.key])).toEqual([[3, 'admin-reason-unknown-unit']]);
    expect(await ClusterModel.countDocuments()).toBe(0);
    const good = await importClusters(csv('cluster_code,cluster_name,unit_code', 'CUM-MAY,Cụm thi đua ngành May,CDCS-001', 'CUM-MAY,Cụm thi đua ngành May,CDCS-003'));
    expect(good).toEqual({ ok: true, clusters: 1, units: 2 });
  });

  it('sends the ranking of the quarter just ended, with the leader that beat its own target, once', async () => {
    const a = world().tg.user({ id: 9913, first_name: 'A' });
    const b = world().tg.user({ id: 9914, first_name: 'B' });
    await registerWorker(a, 'CDCS-001');
    await registerWorker(b, 'CDCS-003');
    await sendQuickIdea(a, 'Ý tưởng thứ nhất');
    await sendQuickIdea(a, 'Ý tưởng thứ hai');
    await sendQuickIdea(b, 'Ý tưởng của Thăng Long');

    world().clock.set('2027-01-01T09:00:00+07:00');
    expect(await sendClusterRankings(world().deps)).toBe(2);
    const ranking = mai.transcript.at(-1)!.plainText;
    expect(ranking).toContain('Xếp hạng Cụm thi đua ngành May – quý 2026-Q4');
    expect(ranking).toContain('1. Công ty May Việt Tiến: 2 sáng kiến, 2.00/đoàn viên – ✅ vượt chỉ tiêu quý');
    expect(ranking).toContain('2. Công ty May Thăng Long: 1 sáng kiến, 1.00/đoàn viên – chưa đạt chỉ tiêu quý');
    expect(ranking).toContain('Dẫn đầu cụm (vượt chỉ tiêu của mình): Công ty May Việt Tiến');
    expect(son.transcript.at(-1)!.plainText).toBe(ranking);
    expect(await sendClusterRankings(world().deps)).toBe(0);
  });
});
