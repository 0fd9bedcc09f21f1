import { describe, expect, it } from 'vitest';
import { nextMonday0730, PlaygroundClock, tomorrow0800 } from '../../src/playground/clock.js';

const vn = (iso: string) => new Date(`${iso}+07:00`);

describe("the playground's clock jumps", () => {
  it('goes to the next Monday 07:30 in Vietnam, never back, and a Monday before 07:30 stays that day', () => {
    expect(nextMonday0730(vn('2026-12-03T23:50:00'))).toEqual(vn('2026-12-07T07:30:00')); // Thursday night
    expect(nextMonday0730(vn('2026-12-07T07:29:00'))).toEqual(vn('2026-12-07T07:30:00'));
    expect(nextMonday0730(vn('2026-12-07T07:30:00'))).toEqual(vn('2026-12-14T07:30:00'));
    expect(nextMonday0730(vn('2026-12-06T23:59:00'))).toEqual(vn('2026-12-07T07:30:00')); // Sunday
    // 23:30 UTC on Sunday is already Monday 06:30 in Vietnam.
    expect(nextMonday0730(new Date('2026-12-06T23:30:00Z'))).toEqual(vn('2026-12-07T07:30:00'));
  });

  it('goes to tomorrow 08:00 by the Vietnam calendar', () => {
    expect(tomorrow0800(vn('2026-12-03T23:50:00'))).toEqual(vn('2026-12-04T08:00:00'));
    expect(tomorrow0800(vn('2026-12-31T00:10:00'))).toEqual(vn('2027-01-01T08:00:00'));
  });

  it('keeps running after a jump, from where it jumped to', () => {
    const clock = new PlaygroundClock();
    const to = clock.jump('next-monday-0730');
    const drift = clock.now().getTime() - to.getTime();
    expect(drift).toBeGreaterThanOrEqual(0);
    expect(drift).toBeLessThan(1_000);
    expect(clock.nowMs()).toBeGreaterThanOrEqual(to.getTime());
  });
});
