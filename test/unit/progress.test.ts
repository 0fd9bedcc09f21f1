import { Types } from 'mongoose';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CampaignModel,
  InitiativeModel,
  ProgressCounterModel,
  ProgressEntryModel,
  UnitModel,
} from '../../src/models/index.js';
import { unitDirectory } from '../../src/services/units.service.js';
import { submitInitiative } from '../../src/services/initiatives.service.js';
import { progressOf, recordSubmission } from '../../src/services/progress.service.js';
import { recount, foldProgress } from '../../src/services/progress-fold.service.js';
import { transition } from '../../src/services/workflow.service.js';
import { quickIdea, seedUnits, TestClock } from '../support/fixtures.js';
import { useTestDatabase, useTestRedis } from '../support/servers.js';

const clock = new TestClock(new Date('2026-11-24T03:00:00Z')); // Tuesday of 2026-W48 in Vietnam

describe('progress counters', () => {
  useTestDatabase({ each: true });
  const redis = useTestRedis({ each: true });
  beforeEach(async () => {
    unitDirectory.forget();
    await seedUnits();
    await CampaignModel.create({
      code: 'C1',
      name: 'Phong trào',
      startDate: new Date('2026-01-01'),
      endDate: new Date('2026-12-31'),
    });
  });
  const deps = () => ({ clock, redis: redis() });
  const submit = (unitCode: string, key: string) => submitInitiative(quickIdea(key, unitCode), deps());
  const expectAt = async (unit: string, submitted: number, accepted: number, week: number) => {
    const counts = await progressOf(redis(), 'C1', unit);
    expect(
      [counts.get('status:submitted'), counts.get('status:accepted') ?? 0, counts.get('week:2026-W48')],
      unit,
    ).toEqual([submitted, accepted, week]);
  };

  it('count every submission and status change up the tree exactly, even when written at once', async () => {
    const codes = await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => submit('CDCS-001', `a${i}`)),
      ...Array.from({ length: 8 }, (_, i) => submit('CDCS-002', `b${i}`)),
    ]);
    const by = new Types.ObjectId();
    await Promise.all(codes.slice(0, 5).map(({ code }) => transition({ code, action: 'accept', by }, deps())));

    await expectAt('CDCS-001', 7, 5, 12); // read before folding: counters plus the pending deltas in Redis
    await expectAt('HN', 15, 5, 20);

    // Two workers run the fold job at the same moment: the lock lets one fold, so nothing counts twice.
    const folded = await Promise.all([foldProgress({ redis: redis() }), foldProgress({ redis: redis() })]);
    expect(folded.sort((a, b) => a - b)).toEqual([0, 25]); // 20 submissions + 5 status changes
    expect(await ProgressEntryModel.countDocuments({ folded: false })).toBe(0);
    await expectAt('CDCS-001', 7, 5, 12);
    await expectAt('CDCS-002', 8, 0, 8);
    await expectAt('VN', 15, 5, 20);
  });

  it('fold a deadline day’s 300 entries over 150 units in one go (FerretDB serves every command of it)', async () => {
    // A fold writes one statement per entry and per counter; in one command, FerretDB 1.x would hold a
    // connection per statement and wait forever for one more (bulk-write.ts).
    const units = Array.from({ length: 150 }, (_, i) => `CDCS-X${String(i).padStart(3, '0')}`);
    for (let n = 0; n < 300; n++) {
      await recordSubmission(redis(), {
        _id: new Types.ObjectId(),
        campaignCode: 'C1',
        unitCode: units[n % units.length]!,
        unitAncestors: ['VN', 'HN'],
        submittedAt: clock.now(),
      });
    }
    expect(await foldProgress({ redis: redis() })).toBe(300);
    expect((await progressOf(redis(), 'C1', 'HN')).get('status:submitted')).toBe(300);
    expect((await progressOf(redis(), 'C1', units[7]!)).get('status:submitted')).toBe(2);
  }, 60_000);

  it('a retried submission or status change counts once', async () => {
    const { code } = await submit('CDCS-003', 'retried');
    expect(await submit('CDCS-003', 'retried')).toEqual({ code });
    await expectAt('CDCS-003', 1, 0, 1);
    await foldProgress({ redis: redis() });
    expect(await submit('CDCS-003', 'retried')).toEqual({ code });
    await expectAt('CDCS-003', 1, 0, 1);
  });

  it('recount finds nothing to fix after normal work, and repairs and reports a counter that drifted', async () => {
    const [first] = await Promise.all([
      submit('CDCS-001', 'n1'),
      submit('CDCS-001', 'n2'),
      submit('CDCS-002', 'n3'),
      submit('CDCS-003', 'n4'),
    ]);
    await transition({ code: first.code, action: 'accept', by: new Types.ObjectId() }, deps());
    await foldProgress({ redis: redis() });
    expect((await recount(redis(), 'C1')).drift).toEqual([]);
    await ProgressCounterModel.updateOne({ _id: 'C1:HN' }, { $set: { 'counts.status:submitted': 999 } });
    const { initiatives, drift } = await recount(redis(), 'C1');
    expect(initiatives).toBe(4);
    expect(drift).toEqual([{ unitCode: 'HN', metric: 'status:submitted', expected: 3, actual: 999 }]);
    await expectAt('HN', 3, 1, 4);
  });

  it('lose nothing when Redis loses the pending entries: the next fold lists them again from MongoDB', async () => {
    await submit('CDCS-001', 'folded');
    await foldProgress({ redis: redis() });
    await submit('CDCS-001', 'before-flush');
    await expectAt('CDCS-001', 2, 0, 2);
    // What FLUSHALL does to this bot's keys.
    const keys = await redis().keys(`${redis().options.keyPrefix}*`);
    await redis().del(...keys.map((k) => k.slice(redis().options.keyPrefix!.length)));
    await expectAt('CDCS-001', 1, 0, 1); // the pending delta is gone until the next fold
    expect(await foldProgress({ redis: redis() })).toBe(1);
    await expectAt('CDCS-001', 2, 0, 2);
    expect((await recount(redis(), 'C1')).drift).toEqual([]);
  });

  it('follows a unit moved to another parent once recounted', async () => {
    await Promise.all([submit('CDCS-001', 'm1'), submit('CDCS-002', 'm2'), submit('CDCS-002', 'm3')]);
    await foldProgress({ redis: redis() });
    await UnitModel.create({
      code: 'KCN-2',
      name: 'Công đoàn KCN 2',
      searchName: 'cong doan kcn 2',
      parentCode: 'HN',
      ancestors: ['VN', 'HN'],
      level: 'upper',
    });
    await UnitModel.updateOne(
      { code: 'CDCS-002' },
      { $set: { parentCode: 'KCN-2', ancestors: ['VN', 'HN', 'KCN-2'] } },
    );
    unitDirectory.forget();
    const { drift } = await recount(redis(), 'C1');
    expect(
      drift
        .filter((d) => d.metric === 'status:submitted')
        .map((d) => [d.unitCode, d.expected, d.actual])
        .sort(),
    ).toEqual([
      ['KCN-2', 2, 0],
      ['KCN-TL', 1, 3],
    ]);
    expect((await progressOf(redis(), 'C1', 'KCN-2')).get('week:2026-W48')).toBe(2);
    const { code } = await submit('CDCS-002', 'after-move');
    expect(code).toMatch(/^SK-/);
    expect((await progressOf(redis(), 'C1', 'KCN-2')).get('status:submitted')).toBe(3);
  });

  it('finish a fold that died half-way without counting anything twice', async () => {
    await foldProgress({ redis: redis() });
    const { code } = await submit('CDCS-003', 'half-folded');
    const entry = `${String((await InitiativeModel.findOne({ code }).lean())!._id)}:0`;
    const before = await Promise.all(['VN', 'CDCS-003'].map((u) => progressOf(redis(), 'C1', u)));
    // A folder took the entry into its batch, added it to the national counter, and died.
    await redis().set('progress:folding', JSON.stringify({ id: 'b1', ids: [entry] }));
    await ProgressCounterModel.updateOne(
      { _id: 'C1:VN' },
      {
        $inc: { 'counts.status:submitted': 1, 'counts.week:2026-W48': 1, 'counts.quarter:2026-Q4': 1 },
        $set: { lastFold: 'b1' },
      },
    );
    expect(await foldProgress({ redis: redis() })).toBe(1); // the next fold finishes that batch
    expect(await Promise.all(['VN', 'CDCS-003'].map((u) => progressOf(redis(), 'C1', u)))).toEqual(before);
    expect((await recount(redis(), 'C1')).drift).toEqual([]);
  });
});
