import { describe, expect, it } from 'vitest';
import { daysLeft, expectedByPace, isLagging } from '../../src/core/time.js';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('pace of a campaign', () => {
  it('expects the target spread evenly over the campaign days', () => {
    expect(expectedByPace(365, d('2026-01-01'), d('2026-12-31'), d('2026-01-01'))).toBe(1);
    expect(expectedByPace(365, d('2026-01-01'), d('2026-12-31'), d('2026-07-02'))).toBe(183);
    expect(expectedByPace(365, d('2026-01-01'), d('2026-12-31'), d('2027-02-01'))).toBe(365);
    expect(expectedByPace(100, d('2026-03-01'), d('2026-03-31'), d('2026-02-01'))).toBe(0);
  });

  it('follows phase deadlines: "phase 1 ends 31/5 with half the target"', () => {
    const phases = [{ end: d('2026-05-31'), percent: 50 }];
    expect(expectedByPace(1000, d('2026-01-01'), d('2026-12-31'), d('2026-05-31'), phases)).toBe(500);
    expect(expectedByPace(1000, d('2026-01-01'), d('2026-12-31'), d('2026-03-16'), phases)).toBe(248); // day 75 of 151: 500 × 75 / 151
    expect(expectedByPace(1000, d('2026-01-01'), d('2026-12-31'), d('2026-12-31'), phases)).toBe(1000);
    expect(expectedByPace(1000, d('2026-01-01'), d('2026-12-31'), d('2025-12-01'), phases)).toBe(0);
  });

  it('calls a unit lagging below the threshold share of that, and counts the days left', () => {
    expect(isLagging(79, 100, 0.8)).toBe(true);
    expect(isLagging(80, 100, 0.8)).toBe(false);
    expect(isLagging(0, 0, 0.8)).toBe(false);
    expect(daysLeft(d('2026-12-31'), d('2026-11-23'))).toBe(38);
  });
});
