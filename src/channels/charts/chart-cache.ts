import { createHash } from 'node:crypto';

/** Names a chart by what it shows: the same digest for the same drawing input. */
export const chartKey = (input: unknown): string => createHash('sha1').update(JSON.stringify(input)).digest('hex');

/**
 * The messenger's id of each chart uploaded (a Telegram file id, a Zalo OA attachment id), by
 * chartKey: a unit's weekly chart is drawn and uploaded once, then sent to each of its officers by
 * that id. Small and in-process, since the delivery worker sends a unit's pings close together.
 * Entries last `ttlMs` (well within the messengers' upload lifetimes); beyond `maxEntries` the
 * oldest go first.
 */
export class ChartCache {
  private readonly entries = new Map<string, { id: Promise<string>; storedAt: number }>();

  constructor(
    private readonly maxEntries = 200,
    private readonly ttlMs = 3_600_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The id of this chart: `upload` (drawing it) runs for the first caller, later and concurrent callers
   * wait for its result. A failed upload is forgotten, so the next caller uploads again.
   */
  idFor(key: string, upload: () => Promise<string>): Promise<string> {
    const known = this.entries.get(key);
    if (known && this.now() - known.storedAt <= this.ttlMs) return known.id;
    const id = upload();
    this.entries.delete(key);
    this.entries.set(key, { id, storedAt: this.now() });
    id.catch(() => this.entries.delete(key));
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return id;
  }
}
