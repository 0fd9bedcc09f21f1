import type { Types } from 'mongoose';

/**
 * Remembers, per process, the `_id` of a document found by a key that never changes for it (a messenger
 * account's channel + id, an initiative's code), so the next lookup goes by `_id`. MongoDB serves either
 * from an index, but FerretDB 1.x pushes only `_id` lookups down to its backend and scans the whole
 * collection for anything else: on a deadline-day burst that scan ran for every incoming message.
 * Safe to keep without invalidation because neither kind of document is ever deleted or re-keyed; a
 * stale entry would only cost one miss (the caller falls back to the key lookup).
 */
export class KnownIds {
  private readonly ids = new Map<string, Types.ObjectId>();

  constructor(private readonly capacity: number) {}

  get(key: string): Types.ObjectId | undefined {
    const id = this.ids.get(key);
    if (id) {
      // Most recently used last, so the oldest entry is the one dropped when full.
      this.ids.delete(key);
      this.ids.set(key, id);
    }
    return id;
  }

  remember(key: string, id: Types.ObjectId): void {
    this.ids.delete(key);
    this.ids.set(key, id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.keys().next().value!);
  }
}
