import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { InitiativeEventModel, InitiativeModel } from '../../src/models/index.js';
import { submitInitiative } from '../../src/services/initiatives.service.js';
import { nextStatus, transition } from '../../src/services/workflow.service.js';
import { quickIdea, seedUnits, TestClock } from '../support/fixtures.js';
import { useTestDatabase, useTestRedis } from '../support/servers.js';

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
    expect(nextStatus('merge', 'in_review')).toBe('merged');
    expect(nextStatus('merge', 'recognized')).toBeNull();
    expect(nextStatus('take', 'merged')).toBeNull();
  });

  it('lets exactly one of ten members racing on Take win; the others are told it is taken', async () => {
    const { code } = await submitInitiative(quickIdea('race-take'), deps());
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
    const { code } = await submitInitiative(quickIdea('illegal', 'CDCS-002'), deps());
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
    const decision = { action: 'recognize' as const, decisionNumber: '15/QĐ', decisionDate: new Date('2026-11-20') };
    const next = await transition({ code, action: 'recognize', by, details: decision }, deps());
    expect(next).toMatchObject({ ok: true, from: 'accepted', to: 'recognized', rev: 2 });
  });

  it('records the council decision with the recognition itself: a lost race leaves none, a dead writer is rolled forward', async () => {
    const submit = (key: string) => submitInitiative(quickIdea(key), deps());
    const by = new Types.ObjectId();
    const decision = (n: number) => ({ decisionNumber: `${n}/QĐ-HĐSK`, decisionDate: new Date(`2026-11-${10 + n}`) });
    const decided = (n: number) => ({ action: 'recognize' as const, ...decision(n) });
    const { code } = await submit('decision-race');
    await transition({ code, action: 'accept', by }, deps());
    // Two members recognise at once with different decisions, while a third rejects: one change wins, and
    // the initiative carries that change's decision or none, never a loser's.
    const results = await Promise.all([
      transition({ code, action: 'recognize', by, details: decided(1) }, deps()),
      transition({ code, action: 'recognize', by, details: decided(2) }, deps()),
      transition({ code, action: 'reject', by, note: 'trùng' }, deps()),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const stored = await InitiativeModel.findOne({ code }).lean();
    const winner = await InitiativeEventModel.findOne({ initiativeId: stored!._id, rev: 2 }).lean();
    expect(stored!.status).toBe(winner!.to);
    expect(stored!.decisionNumber).toBe(winner!.decisionNumber);
    expect(stored!.decisionDate).toEqual(winner!.decisionDate);

    // A process claimed the recognition (with its decision), then replication was claimed, and both died
    // before updating the initiative: the next change brings both in, the decision included.
    const { code: other } = await submit('decision-dead-writer');
    await transition({ code: other, action: 'accept', by }, deps());
    const doc = await InitiativeModel.findOne({ code: other }).lean();
    const at = clock.now();
    await InitiativeEventModel.create([
      { initiativeId: doc!._id, rev: 2, at, by, from: 'accepted', to: 'recognized', ...decision(3) },
      { initiativeId: doc!._id, rev: 3, at, by, from: 'recognized', to: 'replicated' },
    ]);
    expect(await transition({ code: other, action: 'take', by }, deps())).toMatchObject({
      ok: false,
      reason: 'illegal',
    });
    expect(await InitiativeModel.findOne({ code: other }).lean()).toMatchObject({
      status: 'replicated',
      rev: 3,
      decisionNumber: '3/QĐ-HĐSK',
      decisionDate: new Date('2026-11-13'),
    });
  });
});
