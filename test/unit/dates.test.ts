import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/core/time.js';

describe('calendar days typed by people', () => {
  it('reads Vietnamese and ISO dates and refuses days that do not exist', () => {
    expect(parseDay('31/5/2027')?.toISOString()).toBe('2027-05-31T00:00:00.000Z');
    expect(parseDay(' 2027-05-31 ')?.toISOString()).toBe('2027-05-31T00:00:00.000Z');
    expect(parseDay('30/02/2027')).toBeNull();
    expect(parseDay('mai')).toBeNull();
    expect(formatDay(new Date('2027-05-31T00:00:00Z'))).toBe('31/05/2027');
  });
});
