import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PING,
  DEFAULT_QUIET,
  inQuietHours,
  parsePingSetting,
  parseQuietHours,
  pingDueThisWeek,
  quietEndsAt,
} from '../../src/core/schedule.js';

describe('ping schedules in Vietnam time', () => {
  it('puts the default Monday 07:30 ping of the current week', () => {
    // Wednesday 25/11/2026 10:00 in Vietnam → Monday 23/11 07:30 = 00:30 UTC.
    expect(pingDueThisWeek(new Date('2026-11-25T03:00:00Z'), DEFAULT_PING).toISOString()).toBe(
      '2026-11-23T00:30:00.000Z',
    );
    // Sunday 29/11 23:00 in Vietnam is still that week.
    expect(pingDueThisWeek(new Date('2026-11-29T16:00:00Z'), DEFAULT_PING).toISOString()).toBe(
      '2026-11-23T00:30:00.000Z',
    );
    // Monday 30/11 00:30 in Vietnam is the next week.
    expect(pingDueThisWeek(new Date('2026-11-29T17:30:00Z'), DEFAULT_PING).toISOString()).toBe(
      '2026-11-30T00:30:00.000Z',
    );
    expect(
      pingDueThisWeek(new Date('2026-11-25T03:00:00Z'), { day: 5, minute: 16 * 60, off: false }).toISOString(),
    ).toBe('2026-11-27T09:00:00.000Z');
  });

  it('keeps quiet from 21:00 to 07:00 and honours a member’s own hours', () => {
    expect(inQuietHours(new Date('2026-11-23T14:00:00Z'), DEFAULT_QUIET)).toBe(true); // 21:00
    expect(inQuietHours(new Date('2026-11-23T23:59:00Z'), DEFAULT_QUIET)).toBe(true); // 06:59
    expect(inQuietHours(new Date('2026-11-24T00:00:00Z'), DEFAULT_QUIET)).toBe(false); // 07:00
    expect(inQuietHours(new Date('2026-11-24T05:00:00Z'), { from: 12, to: 13 })).toBe(true); // 12:00
  });

  it('reads "t2 7:30", "fri 16:00" and refuses nonsense', () => {
    expect(parsePingSetting('t2 7:30')).toEqual({ day: 1, minute: 450, off: false });
    expect(parsePingSetting('FRI 16h00')).toEqual({ day: 5, minute: 960, off: false });
    expect(parsePingSetting('cn 25:00')).toBeNull();
    expect(parsePingSetting('thứ hai')).toBeNull();
  });

  it('ends quiet hours at the next "to" o’clock in Vietnam, across midnight too', () => {
    expect(quietEndsAt(new Date('2026-11-23T14:30:00Z'), DEFAULT_QUIET).toISOString()).toBe('2026-11-24T00:00:00.000Z'); // 21:30 → 07:00 next day
    expect(quietEndsAt(new Date('2026-11-23T18:00:00Z'), DEFAULT_QUIET).toISOString()).toBe('2026-11-24T00:00:00.000Z'); // 01:00 → 07:00
    expect(quietEndsAt(new Date('2026-11-23T02:00:00Z'), { from: 8, to: 10 }).toISOString()).toBe(
      '2026-11-23T03:00:00.000Z',
    ); // 09:00 → 10:00
  });

  it('reads quiet hours "22-6" and refuses nonsense', () => {
    expect(parseQuietHours('22-6')).toEqual({ from: 22, to: 6 });
    expect(parseQuietHours(' 21 – 7 ')).toEqual({ from: 21, to: 7 });
    expect(parseQuietHours('25-6')).toBeNull();
    expect(parseQuietHours('7-7')).toBeNull();
    expect(parseQuietHours('tối')).toBeNull();
  });
});
