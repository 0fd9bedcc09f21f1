import { describe, expect, it } from 'vitest';
import { FlowConflictError, loadFlowState, saveFlowState } from '../../src/services/flow-state.service.js';
import { countCommands } from '../support/db-commands.js';
import { useTestDatabase, useTestRedis } from '../support/servers.js';

describe('flow state revisions', () => {
  useTestDatabase();
  const redis = useTestRedis();

  it('lets exactly one of several writers from the same revision win; the others get a conflict', async () => {
    const start = await loadFlowState(redis(), 'member-1');
    const change = (i: number) => ({ ...start, flow: 'submit', step: `s${i}`, answers: { i } });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => saveFlowState(redis(), start, change(i))),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(FlowConflictError);
    const now = await loadFlowState(redis(), 'member-1');
    expect(now.rev).toBe(1);
    expect(now.step).toBe((won[0] as PromiseFulfilledResult<{ step: string }>).value.step);
  });

  it('keeps only a few old revisions', async () => {
    let state = await loadFlowState(redis(), 'member-2');
    for (let i = 0; i < 20; i++) state = await saveFlowState(redis(), state, { ...state, step: `s${i}` });
    const { FlowStateModel } = await import('../../src/models/index.js');
    expect(await FlowStateModel.countDocuments({ owner: 'member-2' })).toBeLessThanOrEqual(4);
    expect((await loadFlowState(redis(), 'member-2')).step).toBe('s19');
  });

  it('is read by its _id once Redis has forgotten the copy (no search of the revisions), and costs no query for someone who never started a flow', async () => {
    let state = await loadFlowState(redis(), 'member-3');
    for (let i = 0; i < 3; i++)
      state = await saveFlowState(redis(), state, { ...state, flow: 'submit', step: `s${i}` });
    await redis().del('flow:member-3'); // the hour-long copy expired; the revision number is kept longer
    const { result, commands } = await countCommands(() => loadFlowState(redis(), 'member-3'));
    expect(result.step).toBe('s2');
    expect(commands.map((c) => [c.name, ...c.filters.map((f) => Object.keys(f).join()), c.sorted])).toEqual([
      ['find', '_id', false],
    ]);

    await loadFlowState(redis(), 'member-4');
    await redis().del('flow:member-4');
    expect((await countCommands(() => loadFlowState(redis(), 'member-4'))).commands).toEqual([]);
  });
});
