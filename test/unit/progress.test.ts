import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { CampaignModel, ProgressCounterModel, ProgressEntryModel, UnitModel } from '../../src/models/index.js';
import { unitDirectory } from '../../src/services/units.service.js';
import { submitInitiative, type InitiativeFields } from '../../src/services/initiatives.service.js';
import { progressOf, recount } from '../../src/services/progress.service.js';
import { foldProgress } from '../../jobs/fold-progress.job.js';
import { createRedis } from '../../src/redis.js';
import { randomBytes } from 'node:crypto';
import { transition } from '../../src/services/workflow.service.js';
import { seedUnits, TestClock } from '../support/fixtures.js';
import { testRedisUrl, useTestDatabase } from '../support/servers.js';

const fields: InitiativeFields = {
  title: 't', problem: '', solution: '', benefit: '', valueVnd: null, scope: '', category: null, coAuthors: '', attachments: [], confidential: false, idea: 'i',
};
const clock = new TestClock(new Date('2026-11-24T03:00:00Z')); // Tuesday of 2026-W48 in Vietnam

async function submit(unitCode: string, key: string) {
  return submitInitiative({ authorId: new Types.ObjectId(), unitCode, channel: 'telegram', quick: true, fields, submissionKey: key }, clock);
}

describe('progress counters', () => {
  useTestDatabase();

  it('count every submission and status change up the tree exactly, even when written at once', async () => {
    await seedUnits();
    await CampaignModel.create({ code: 'C1', name: 'Phong trào', startDate: new Date('2026-01-01'), endDate: new Date('2026-12-31') });
    const codes = await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => submit('CDCS-001', `a${i}`)),
      ...Array.from({ length: 8 }, (_, i) => submit('CDCS-002', `b${i}`)),
    ]);
    const by = new Types.ObjectId();
    await Promise.all(codes.slice(0, 5).map(({ code }) => transition({ code, action: 'accept', by }, clock)));

    const expectAt = async (unit: string, submitted: number, accepted: number, week: number) => {
      const counts = await progressOf('C1', unit);
      expect([counts.get('status:submitted'), counts.get('status:accepted') ?? 0, counts.get('week:2026-W48')], unit).toEqual([submitted, accepted, week]);
    };
    await expectAt('CDCS-001', 7, 5, 12); // read before folding: counters plus pending entries
    await expectAt('HN', 15, 5, 20);

    // Two workers run the fold job at the same moment: the lock lets one fold, so nothing counts twice.
    const redis = createRedis(testRedisUrl(), `sk-test-${randomBytes(4).toString('hex')}:`);
    const folded = await Promise.all([foldProgress({ redis }), foldProgress({ redis })]);
    await redis.quit();
    expect(folded.sort((a, b) => a - b)).toEqual([0, 70]); // 20 × (status, week, quarter) + 5 × (out, in)
    expect(await ProgressEntryModel.countDocuments({ folded: false })).toBe(0);
    await expectAt('CDCS-001', 7, 5, 12);
    await expectAt('CDCS-002', 8, 0, 8);
    await expectAt('VN', 15, 5, 20);
  });

  it('recount finds nothing to fix after normal work, and repairs and reports a counter that drifted', async () => {
    expect((await recount('C1')).drift).toEqual([]);
    await ProgressCounterModel.updateOne({ campaignCode: 'C1', unitCode: 'HN', metric: 'status:submitted' }, { $set: { count: 999 } });
    const { initiatives, drift } = await recount('C1');
    expect(initiatives).toBe(20);
    expect(drift).toEqual([{ unitCode: 'HN', metric: 'status:submitted', expected: 15, actual: 999 }]);
    expect((await progressOf('C1', 'HN')).get('status:submitted')).toBe(15);
  });

  it('follows a unit moved to another parent once recounted', async () => {
    await UnitModel.create({ code: 'KCN-2', name: 'Công đoàn KCN 2', searchName: 'cong doan kcn 2', parentCode: 'HN', ancestors: ['VN', 'HN'], level: 'upper' });
    await UnitModel.updateOne({ code: 'CDCS-002' }, { $set: { parentCode: 'KCN-2', ancestors: ['VN', 'HN', 'KCN-2'] } });
    unitDirectory.invalidate();
    const { drift } = await recount('C1');
    expect(drift.filter((d) => d.metric === 'status:submitted').map((d) => [d.unitCode, d.expected, d.actual]).sort()).toEqual([
      ['KCN-2', 8, 0],
      ['KCN-TL', 7, 15],
    ]);
    expect((await progressOf('C1', 'KCN-2')).get('week:2026-W48')).toBe(8);
    const { code } = await submit('CDCS-002', 'after-move');
    expect(code).toMatch(/^SK-/);
    expect((await progressOf('C1', 'KCN-2')).get('status:submitted')).toBe(9);
  });
});
