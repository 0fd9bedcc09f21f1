import { describe, expect, it } from 'vitest';
import { ChartCache, chartKey } from '../../src/channels/charts/chart-cache.js';

describe('the chart cache', () => {
  it('uploads a chart once for every caller, concurrent or later, and names charts by what they show', async () => {
    const cache = new ChartCache();
    let uploads = 0;
    const upload = async () => `file-${++uploads}`;
    const key = chartKey({ title: 'KCN-TL', bars: [{ label: 'A', actual: 1, target: 2 }] });
    expect(await Promise.all([cache.idFor(key, upload), cache.idFor(key, upload)])).toEqual(['file-1', 'file-1']);
    expect(await cache.idFor(key, upload)).toBe('file-1');
    expect(chartKey({ title: 'KCN-TL', bars: [{ label: 'A', actual: 2, target: 2 }] })).not.toBe(key);
    expect(uploads).toBe(1);
  });

  it('forgets a failed upload, an old one, and the oldest beyond its size', async () => {
    let now = 0;
    const cache = new ChartCache(2, 1000, () => now);
    await expect(cache.idFor('a', () => Promise.reject(new Error('upload refused')))).rejects.toThrow('upload refused');
    expect(await cache.idFor('a', async () => 'a-2')).toBe('a-2');
    now = 1001;
    expect(await cache.idFor('a', async () => 'a-3')).toBe('a-3');
    await cache.idFor('b', async () => 'b-1');
    await cache.idFor('c', async () => 'c-1');
    expect(await cache.idFor('a', async () => 'a-4')).toBe('a-4');
    expect(await cache.idFor('c', async () => 'c-2')).toBe('c-1');
  });
});
