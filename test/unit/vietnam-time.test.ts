import { describe, expect, it } from 'vitest';
import { isoWeek, vietnamDay, vietnamYear } from '../../src/core/time.js';

describe('Vietnam time', () => {
  it('takes the calendar day in UTC+7', () => {
    expect(vietnamDay(new Date('2026-12-31T17:00:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(vietnamYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
  });

  it.each([
    ['2026-11-23T01:00:00Z', '2026-W48'], // Monday
    ['2026-11-22T16:59:00Z', '2026-W47'], // Sunday 23:59 in Vietnam
    ['2026-11-22T17:00:00Z', '2026-W48'], // Monday 00:00 in Vietnam
    ['2027-01-01T05:00:00Z', '2026-W53'], // 2026 has 53 ISO weeks
    ['2025-12-29T05:00:00Z', '2026-W01'],
    ['2021-01-03T05:00:00Z', '2020-W53'],
  ])('puts %s in %s', (instant, week) => {
    expect(isoWeek(new Date(instant))).toBe(week);
  });
});

describe('quarters in Vietnam time', () => {
  it('names the quarter and finds the previous one across a year', async () => {
    const { previousQuarter, vietnamQuarter } = await import('../../src/core/time.js');
    expect(vietnamQuarter(new Date('2026-09-30T17:30:00Z'))).toBe('2026-Q4'); // 1/10 00:30 in Vietnam
    const q = previousQuarter(new Date('2027-01-01T01:00:00Z'));
    expect([q.name, q.first.toISOString().slice(0, 10), q.last.toISOString().slice(0, 10)]).toEqual([
      '2026-Q4',
      '2026-10-01',
      '2026-12-31',
    ]);
  });
});
