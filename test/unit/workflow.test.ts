import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { InitiativeEventModel, InitiativeModel } from '../../src/models/index.js';
import { submitInitiative } from '../../src/services/initiatives.service.js';
import { nextStatus, transition } from '../../src/services/workflow.service.js';
import { quickIdeaFields, seedUnits, TestClock } from '../support/fixtures.js';
import { useTestDatabase, useTestRedis } from '../support/servers.js';

const fields = quickIdeaFields;

describe('the initiative life cycle', () => {
  useTestDatabase();
  const redis = useTestRedis();
  const clock = new TestClock(new Date('2026-11-23T03:00:00Z'));
  const deps = () => ({ clock, redis: redis() });
  beforeAll(() => seedUnits());

  it('allows only the transitions of DESIGN.md §3', () => {
    expect(nextStatus('take', 'submitted')).toBe('in_review');
    expect(nextStatus('info', 'in_review')).toBe('needs_info');
    expect(nextStatus('answered', 'needs_info')).toBe('in_review');
    expect(nextStatus('accept', 'needs_info')).toBe('accepted');
    expect(nextStatus('recognize', 'accepted')).toBe('recognized');
    expect(nextStatus('replicate', 'recognized')).toBe('replicated');
    expect(nextStatus('recognize', 'in_review')).toBeNull();
    expect(nextStatus('withdraw', 'accepted')).toBeNull();
    expect(nextStatus('accept', 'rejected')).toBeNull();
    expect(nextStatus('take', 'withdrawn')).toBeNull();
  });

  it('lets exactly one of ten members racing on Take win; the others are told it is taken', async () => {
    const { code } = await submitInitiative(
      {
        authorId: new Types.ObjectId(),
        unitCode: 'CDCS-001',
        channel: 'telegram',
        quick: true,
        fields,
        submissionKey: 'race-take',
      },
      deps(),
    );
    const members = Array.from({ length: 10 }, () => new Types.ObjectId());
    const results = await Promise.all(members.map((by) => transition({ code, action: 'take', by }, deps())));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(9).fill('taken'));
    const stored = await InitiativeModel.findOne({ code }).lean();
    expect(stored).toMatchObject({ status: 'in_review', rev: 1 });
    expect(await InitiativeEventModel.countDocuments({ initiativeId: stored!._id })).toBe(1);
  });

  it('refuses an illegal move with the current status, and rolls forward a change left half-done', async () => {
    const { code } = await submitInitiative(
      {
        authorId: new Types.ObjectId(),
        unitCode: 'CDCS-002',
        channel: 'telegram',
        quick: true,
        fields,
        submissionKey: 'illegal',
      },
      deps(),
    );
    const by = new Types.ObjectId();
    const refused = await transition({ code, action: 'replicate', by }, deps());
    expect(refused).toMatchObject({ ok: false, reason: 'illegal' });
    // A process claimed rev 1 (accept) and died before updating the initiative.
    const doc = await InitiativeModel.findOne({ code }).lean();
    await InitiativeEventModel.create({
      initiativeId: doc!._id,
      rev: 1,
      at: clock.now(),
      by,
      from: 'submitted',
      to: 'accepted',
      assigneeId: null,
    });
    const next = await transition({ code, action: 'recognize', by, note: '15/QĐ' }, deps());
    expect(next).toMatchObject({ ok: true, from: 'accepted', to: 'recognized', rev: 2 });
  });
});
