import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { CampaignModel, InitiativeModel, ProgressCounterModel, ProgressEntryModel } from '../../src/models/index.js';
import { submitInitiative } from '../../src/services/initiatives.service.js';
import { foldPending } from '../../src/services/progress-fold.service.js';
import { findInitiative } from '../../src/services/workflow.service.js';
import { countCommands, describeCommands, type SeenCommand } from '../support/db-commands.js';
import { quickIdea, seedUnits, TestClock } from '../support/fixtures.js';
import { useTestDatabase, useTestRedis } from '../support/servers.js';

/** Collections that grow with the campaign: what a submission or a fold reads there must be found by _id. */
const GROWING = ['initiatives', ProgressEntryModel.collection.name, ProgressCounterModel.collection.name];
// FerretDB finds a document without scanning its collection only by a filter of exactly { _id: value }.
const byIdAlone = (f: Record<string, unknown>) =>
  Object.keys(f).length === 1 && (typeof f._id === 'string' || f._id instanceof Types.ObjectId);
const scansGrowing = (commands: SeenCommand[]) =>
  commands.filter(
    (c) => GROWING.includes(c.collection ?? '') && c.name !== 'insert' && (c.sorted || !c.filters.every(byIdAlone)),
  );

describe('a submission and a fold cost the same with 50 or 2,000 initiatives stored', () => {
  useTestDatabase();
  const redis = useTestRedis();
  const clock = new TestClock(new Date('2026-11-24T03:00:00Z'));

  /** Earlier initiatives (of last year, so this year's codes go on undisturbed), each with its folded entry. */
  async function store(count: number, from: number): Promise<void> {
    const initiatives = Array.from({ length: count }, (_, i) => ({
      _id: new Types.ObjectId(),
      code: `SK-2025-${String(from + i + 1).padStart(6, '0')}`,
      year: 2025,
      seq: from + i + 1,
      campaignCode: 'C1',
      unitCode: 'CDCS-001',
      unitAncestors: ['VN', 'HN', 'KCN-TL'],
      authorId: new Types.ObjectId(),
      channel: 'telegram',
      submissionKey: `stored-${from + i}`,
      submittedAt: new Date('2025-06-01'),
    }));
    await InitiativeModel.insertMany(initiatives);
    await ProgressEntryModel.insertMany(
      initiatives.map((i) => ({
        _id: `${String(i._id)}:0`,
        campaignCode: 'C1',
        units: [...i.unitAncestors, i.unitCode],
        changes: [{ metric: 'status:submitted', delta: 1 }],
        folded: true,
      })),
    );
  }

  const submitQuickIdea = (key: string) => submitInitiative(quickIdea(key, 'CDCS-002'), { clock, redis: redis() });

  async function submitThenFold(key: string): Promise<{ submission: SeenCommand[]; fold: SeenCommand[] }> {
    const submission = await countCommands(() => submitQuickIdea(key));
    const fold = await countCommands(() => foldPending(redis()));
    expect(fold.result).toBe(1);
    return { submission: submission.commands, fold: fold.commands };
  }

  it('in commands, and neither scans what grows', async () => {
    await seedUnits();
    await CampaignModel.create({
      code: 'C1',
      name: 'Phong trào',
      startDate: new Date('2026-01-01'),
      endDate: new Date('2026-12-31'),
    });
    await store(50, 0);
    // The first submission seeds the year's counter from MongoDB, the first fold its pending list: once each.
    await submitThenFold('first');

    const small = await submitThenFold('with-50');
    await store(1950, 50);
    const large = await submitThenFold('with-2000');

    expect(describeCommands(large.submission)).toBe(describeCommands(small.submission));
    expect(describeCommands(large.fold)).toBe(describeCommands(small.fold));
    expect(large.submission.length, describeCommands(large.submission)).toBeLessThanOrEqual(3);
    expect(scansGrowing([...large.submission, ...large.fold])).toEqual([]);

    // Any process (the worker sending its card, another bot process) finds it from the code alone by _id;
    // an initiative stored before codes gave _ids is still found, by its code.
    const { code } = await submitQuickIdea('k');
    const found = await countCommands(() => findInitiative(code));
    expect(found.result?.code).toBe(code);
    expect(found.commands).toHaveLength(1);
    expect(scansGrowing(found.commands)).toEqual([]);
    expect((await findInitiative('SK-2025-000007'))?.seq).toBe(7);
  });
});
