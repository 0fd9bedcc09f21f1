import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { registerWorker, lastText } from '../support/story.js';
import { sendQuickIdea, staff } from '../support/support-team.js';
import { sendClusterRankings } from '../../src/services/clusters.service.js';
import { importClusters } from '../../src/admin/clusters.js';
import { importPledges } from '../../src/admin/pledges.js';
import { remindPledges } from '../../src/services/pledges.service.js';
import { CampaignModel, ClusterModel, PledgeModel, TargetModel } from '../../src/models/index.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';

const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

// One story told in steps: each step starts where the one before left the clock and the data.
describe('emulation clusters are ranked every quarter and their officers hear the ranking', { shuffle: false }, () => {
  const world = useWorld(); // submissions happen on 23/11/2026, in Q4
  let mai: FakeUser; // officer of CDCS-001
  let son: FakeUser; // officer of CDCS-003

  beforeAll(async () => {
    await CampaignModel.create({
      code: 'Q4-2026',
      name: 'Thi đua quý IV',
      startDate: new Date('2026-10-01'),
      endDate: new Date('2026-12-31'),
    });
    await TargetModel.insertMany([
      { campaignCode: 'Q4-2026', unitCode: 'CDCS-001', target: 2 },
      { campaignCode: 'Q4-2026', unitCode: 'CDCS-003', target: 5 },
    ]);
    mai = await staff(world().tg, { id: 9911, first_name: 'Mai' }, ['CDCS-001', 'officer']);
    son = await staff(world().tg, { id: 9912, first_name: 'Sơn' }, ['CDCS-003', 'officer']);
  });

  it('imports clusters from CSV, refusing the whole file when a row is bad', async () => {
    const bad = await importClusters(
      csv(
        'cluster_code,cluster_name,unit_code',
        'CUM-MAY,Cụm thi đua ngành May,CDCS-001',
        'CUM-MAY,Cụm thi đua ngành May,KHONG-CO',
      ),
    );
    expect(!bad.ok && bad.problems.map((p) => [p.line, p.reason.key])).toEqual([[3, 'admin-reason-unknown-unit']]);
    expect(await ClusterModel.countDocuments()).toBe(0);
    const good = await importClusters(
      csv(
        'cluster_code,cluster_name,unit_code',
        'CUM-MAY,Cụm thi đua ngành May,CDCS-001',
        'CUM-MAY,Cụm thi đua ngành May,CDCS-003',
      ),
    );
    expect(good).toEqual({ ok: true, clusters: 1, units: 2 });
  });

  it('imports the pledges the units signed at the cluster conference; a bad file writes nothing', async () => {
    const header = 'cluster_code,unit_code,due_date,commitment';
    const bad = await importPledges(
      csv(
        header,
        'CUM-KHAC,CDCS-001,31/12/2026,Một',
        'CUM-MAY,CDCS-002,31/12/2026,Hai',
        'CUM-MAY,CDCS-001,01/01/2026,Ba',
        'CUM-MAY,CDCS-003,31/12/2026,',
      ),
      world().clock,
    );
    expect(!bad.ok && bad.problems.map((p) => [p.line, p.reason.key])).toEqual([
      [2, 'admin-reason-unknown-cluster'],
      [3, 'admin-reason-not-in-cluster'],
      [4, 'admin-reason-due-past'],
      [5, 'admin-reason-empty-commitment'],
    ]);
    expect(await PledgeModel.countDocuments()).toBe(0);
    const good = await importPledges(
      csv(
        header,
        'CUM-MAY,CDCS-001,20/12/2026,Ít nhất 50 sáng kiến',
        'CUM-MAY,CDCS-001,20/12/2026,Mỗi tổ một ý tưởng',
        'CUM-MAY,CDCS-003,20/12/2026,Ít nhất 30 sáng kiến',
      ),
      world().clock,
    );
    expect(good).toEqual({ ok: true, pledges: 2, commitments: 3 });
    await mai.send('/pledges');
    expect(lastText(mai)).toContain('• Ít nhất 50 sáng kiến\n• Mỗi tổ một ý tưởng');
    world().clock.set('2026-12-06T08:05:00+07:00');
    expect(await world().run(remindPledges)).toBe(2); // 14 days before: each signatory's officer
    world().clock.set('2026-11-23T09:00:00+07:00');
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
    expect(await world().run(sendClusterRankings)).toBe(2);
    const ranking = mai.transcript.at(-1)!.plainText;
    expect(ranking).toContain('Xếp hạng Cụm thi đua ngành May – quý 2026-Q4');
    expect(ranking).toContain('1. Công ty May Việt Tiến: 2 sáng kiến, 2,00 sáng kiến/đoàn viên – ✅ vượt chỉ tiêu quý');
    expect(ranking).toContain(
      '2. Công ty May Thăng Long: 1 sáng kiến, 1,00 sáng kiến/đoàn viên – chưa đạt chỉ tiêu quý',
    );
    expect(ranking).toContain('Dẫn đầu cụm (vượt chỉ tiêu của mình): Công ty May Việt Tiến');
    expect(son.transcript.at(-1)!.plainText).toBe(ranking);
    expect(await world().run(sendClusterRankings)).toBe(0);
  });
});
