import { describe, expect, it } from 'vitest';
import { DirectoryCopy } from '../../src/core/directory-copy.js';

/** A directory whose stamp and data the test sets; counts how often each is read. */
function directory(every: { checkMs: number; reloadMs: number }) {
  const d = { stamp: 'a', data: 1, stampReads: 0, loads: 0, gate: null as Promise<void> | null };
  const copy = new DirectoryCopy(
    async () => {
      d.stampReads += 1;
      return d.stamp;
    },
    async () => {
      d.loads += 1;
      const data = d.data;
      await d.gate;
      return data;
    },
    every,
  );
  return { d, copy };
}

describe('a process’s copy of a stamped directory', () => {
  it('is read once, then served while its stamp stays; read again when the stamp changes', async () => {
    const { d, copy } = directory({ checkMs: 0, reloadMs: 60_000 });
    expect(await copy.current()).toBe(1);
    d.data = 2;
    expect(await copy.current()).toBe(1);
    expect([d.stampReads, d.loads]).toEqual([2, 1]);
    d.stamp = 'b';
    expect(await copy.current()).toBe(2);
    expect(d.loads).toBe(2);
  });

  it('checks the stamp at most every checkMs', async () => {
    const { d, copy } = directory({ checkMs: 60_000, reloadMs: 3_600_000 });
    await copy.current();
    d.stamp = 'b';
    d.data = 2;
    expect(await copy.current()).toBe(1);
    expect(d.stampReads).toBe(1);
  });

  it('shares one check among uses at the same moment', async () => {
    const { d, copy } = directory({ checkMs: 0, reloadMs: 60_000 });
    expect(await Promise.all([copy.current(), copy.current(), copy.current()])).toEqual([1, 1, 1]);
    expect([d.stampReads, d.loads]).toEqual([1, 1]);
  });

  it('after forget(), reads again, and a read that began before does not come back as the copy', async () => {
    const { d, copy } = directory({ checkMs: 60_000, reloadMs: 3_600_000 });
    let open!: () => void;
    d.gate = new Promise((resolve) => (open = resolve));
    const before = copy.current();
    await new Promise((resolve) => setTimeout(resolve, 10)); // the stale load has begun
    d.data = 2;
    copy.forget();
    d.gate = null;
    expect(await copy.current()).toBe(2);
    open();
    expect(await before).toBe(1);
    expect(await copy.current()).toBe(2);
    expect(d.loads).toBe(2);
  });
});
