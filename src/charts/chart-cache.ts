import { createHash } from 'node:crypto';

/** Names a chart by what it shows: the same digest for the same drawing input. */
export const chartKey = (input: unknown): string => createHash('sha1').update(JSON.stringify(input)).digest('hex');

/**
 * Remembers what became of drawn charts (the PNG, the messenger's id of the upload) by chartKey, so a
 * unit's weekly chart is drawn and uploaded once and sent to each of its officers by that id. Small
 * and in-process: the delivery worker sends a unit's pings close together. Entries last `ttlMs`
 * (well within the messengers' upload lifetimes); beyond `maxEntries` the oldest go first.
 */
export class ChartCache<T> {
  private readonly entries = new Map<string, { value: T; storedAt: number }>();

  constructor(
    private readonly maxEntries = 200,
    private readonly ttlMs = 3_600_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.storedAt <= this.ttlMs) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { value, storedAt: this.now() });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
