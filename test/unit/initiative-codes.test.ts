import { Types } from 'mongoose';
import { beforeEach, describe, expect, it } from 'vitest';
import { submitInitiative, type InitiativeFields } from '../../src/services/initiatives.service.js';
import { formatCode } from '../../src/core/codes.js';
import { InitiativeModel } from '../../src/models/index.js';
import { useTestDatabase, useTestRedis } from '../support/servers.js';
import { quickIdea, quickIdeaFields, seedUnits, TestClock } from '../support/fixtures.js';

const fields: InitiativeFields = { ...quickIdeaFields, idea: '' };

describe('reference codes', () => {
  let clock: TestClock;
  useTestDatabase({ each: true });
  const redis = useTestRedis({ each: true });
  const deps = () => ({ clock, redis: redis() });
  beforeEach(async () => {
    clock = new TestClock(new Date('2026-12-31T16:59:00Z')); // 23:59 on 31/12 in Vietnam
    await seedUnits();
  });

  it('look like SK-2026-000123', () => {
    expect(formatCode(2026, 123)).toBe('SK-2026-000123');
  });

  it('are unique and gap-free when twenty submissions race', async () => {
    const authorId = new Types.ObjectId();
    const codes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        submitInitiative(quickIdea(`race-${i}`, 'CDCS-001', { authorId, fields }), deps()),
      ),
    );
    expect(codes.map((c) => c.code).sort()).toEqual(Array.from({ length: 20 }, (_, i) => formatCode(2026, i + 1)));
  });

  it('return the first initiative when the same submission is retried', async () => {
    const authorId = new Types.ObjectId();
    const input = quickIdea('retry-1', 'CDCS-002', { authorId, fields });
    const [one, two] = await Promise.all([submitInitiative(input, deps()), submitInitiative(input, deps())]);
    expect(one).toEqual(two);
    expect(await InitiativeModel.countDocuments({ submissionKey: 'retry-1' })).toBe(1);
  });

  it('go on from the highest code stored when Redis lost its counter, or it fell behind', async () => {
    const next = (key: string) => submitInitiative(quickIdea(key, 'CDCS-001', { fields }), deps());
    for (let i = 1; i <= 5; i++) await next(`before-${i}`);
    await redis().del('seq:initiative:2026'); // a flushed Redis: seeded again from MongoDB
    expect((await next('after-flush')).code).toBe(formatCode(2026, 6));
    await redis().set('seq:initiative:2026', 3); // behind: the unique code index refuses, the counter catches up
    expect((await next('behind')).code).toBe(formatCode(2026, 7));
    expect((await next('caught-up')).code).toBe(formatCode(2026, 8));
  });

  it('start again at 000001 in the new Vietnam year', async () => {
    clock.advance(2 * 60_000); // 00:01 on 1/1/2027 in Vietnam, still 2026 in UTC
    const { code } = await submitInitiative(quickIdea('new-year', 'CDCS-001', { fields }), deps());
    expect(code).toBe('SK-2027-000001');
  });
});
