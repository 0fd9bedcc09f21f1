/**
 * A process's copy of reference data that other processes may change, stamped with a token that changes
 * with it: read by `load`, then served until `readStamp` gives another stamp (checked at most every
 * `checkMs`, 0 for on every use) or it is older than `reloadMs`. Uses at the same moment share one check.
 */
export class DirectoryCopy<T> {
  private copy: { stamp: string; value: T; loadedAt: number } | null = null;
  private checkedAt = -Infinity;
  private checking: Promise<T> | null = null;
  /** Bumped by forget(): a check that began before it does not keep what it read. */
  private generation = 0;

  constructor(
    private readonly readStamp: () => Promise<string>,
    private readonly load: () => Promise<T>,
    private readonly every: { checkMs: number; reloadMs: number },
  ) {}

  async current(): Promise<T> {
    if (this.copy && performance.now() - this.checkedAt < this.every.checkMs) return this.copy.value;
    const checking = (this.checking ??= this.check());
    try {
      return await checking;
    } finally {
      if (this.checking === checking) this.checking = null;
    }
  }

  /** Drops the copy, so the next use reads it again (after this process changed the directory). */
  forget(): void {
    this.generation += 1;
    this.copy = null;
    this.checking = null;
    this.checkedAt = -Infinity;
  }

  private async check(): Promise<T> {
    const generation = this.generation;
    const stamp = await this.readStamp();
    const kept = this.copy;
    const copy =
      kept?.stamp === stamp && performance.now() - kept.loadedAt <= this.every.reloadMs
        ? kept
        : { stamp, value: await this.load(), loadedAt: performance.now() };
    if (generation === this.generation) {
      this.copy = copy;
      this.checkedAt = performance.now();
    }
    return copy.value;
  }
}
