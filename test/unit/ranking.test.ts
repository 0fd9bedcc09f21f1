import { describe, expect, it } from 'vitest';
import { rankCluster } from '../../src/core/ranking.js';

describe('a cluster ranking', () => {
  it('orders by initiatives then per member, and honours the best unit that beat its own target', () => {
    const { ranked, leader } = rankCluster([
      { unitCode: 'A', name: 'A', initiatives: 30, members: 300, quarterTarget: 40 },
      { unitCode: 'B', name: 'B', initiatives: 30, members: 100, quarterTarget: 20 },
      { unitCode: 'C', name: 'C', initiatives: 12, members: 0, quarterTarget: 10 },
      { unitCode: 'D', name: 'D', initiatives: 50, members: 500, quarterTarget: null },
    ]);
    expect(ranked.map((r) => [r.rank, r.unitCode, r.beatTarget])).toEqual([
      [1, 'D', false],
      [2, 'B', true],
      [3, 'A', false],
      [4, 'C', true],
    ]);
    expect(ranked[1]!.perMember).toBeCloseTo(0.3);
    expect(leader?.unitCode).toBe('B');
  });

  it('has no leader when nobody beat their target', () => {
    expect(rankCluster([{ unitCode: 'A', name: 'A', initiatives: 1, members: 1, quarterTarget: 5 }]).leader).toBeNull();
  });
});
