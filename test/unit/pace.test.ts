import { describe, expect, it } from 'vitest';
import { daysLeft, expectedByPace, isLagging } from '../../src/pace.js';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('pace of a campaign', () => {
  it('expects the target spread evenly over the campaign days', () => {
    expect(expectedByPace(365, d('2026-01-01'), d('2026-12-31'), d('2026-01-01'))).toBe(1);
    expect(expectedByPace(365, d('2026-01-01'), d('2026-12-31'), d('2026-07-02'))).toBe(183);
    expect(expectedByPace(365, d('2026-01-01'), d('2026-12-31'), d('2027-02-01'))).toBe(365);
    expect(expectedByPace(100, d('2026-03-01'), d('2026-03-31'), d('2026-02-01'))).toBe(0);
  });

  it('calls a unit lagging below the threshold share of that, and counts the days left', () => {
    expect(isLagging(79, 100, 0.8)).toBe(true);
    expect(isLagging(80, 100, 0.8)).toBe(false);
    expect(isLagging(0, 0, 0.8)).toBe(false);
    expect(daysLeft(d('2026-12-31'), d('2026-11-23'))).toBe(38);
  });
});
