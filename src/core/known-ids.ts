/**
 * Remembers, per process, the `_id` of a document found by a key that never changes for it (a messenger
 * account's channel + id, an initiative's code), so the next lookup goes by `_id`. MongoDB serves either
 * from an index, but FerretDB 1.x pushes only `_id` lookups down to its backend and scans the whole
 * collection for anything else: on a deadline-day burst that scan ran for every incoming message.
 * Safe to keep without invalidation because neither kind of document is ever deleted or re-keyed; a
 * stale entry would only cost one miss (the caller falls back to the key lookup).
 */
export class KnownIds<Id> {
  private readonly ids = new Map<string, Id>();

  constructor(private readonly capacity: number) {}

  get(key: string): Id | undefined {
    const id = this.ids.get(key);
    if (id) {
      // Most recently used last, so the oldest entry is the one dropped when full.
      this.ids.delete(key);
      this.ids.set(key, id);
    }
    return id;
  }

  /**
   * The document of `key`: by the `_id` derived from the key (or the one remembered for a document stored
   * before ids were derived), else by the key itself, remembering what that finds.
   */
  async find<D extends { _id: Id }>(
    key: string,
    derived: Id,
    byId: (id: Id) => Promise<D | null>,
    byKey: () => Promise<D | null>,
  ): Promise<D | null> {
    const found = await byId(this.get(key) ?? derived);
    if (found) return found;
    const older = await byKey();
    if (older) this.remember(key, older._id);
    return older;
  }

  remember(key: string, id: Id): void {
    this.ids.delete(key);
    this.ids.set(key, id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.keys().next().value!);
  }
}
