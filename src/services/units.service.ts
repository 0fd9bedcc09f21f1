import { UnitModel, type UnitLevel } from '../models/index.js';
import { foldForSearch } from '../core/text.js';
import { directoryChanged, directoryStamp } from './directory-versions.js';

export interface UnitRecord {
  code: string;
  name: string;
  searchName: string;
  level: UnitLevel;
  ancestors: string[];
}

/** The unit's path from the root: its ancestors, then itself. */
export const pathOf = (unit: Pick<UnitRecord, 'ancestors' | 'code'>): string[] => [...unit.ancestors, unit.code];

/** How often a process checks whether the tree changed: an admin's import shows up in the bot within this. */
const CHECK_EVERY_MS = 60_000;
/** A tree changed by hand in the database, without an import, shows up within this. */
const RELOAD_EVERY_MS = 3_600_000;

/**
 * The unit tree, read whole and kept in memory. Units are reference data that every registration and
 * submission reads; 100,000 units are about 20 MB, and searching them in memory takes milliseconds where
 * an unanchored regex query scans the collection on every keystroke (on FerretDB, seconds). The tree is
 * read again only when an import changed it (its directory token): reading 10,000 units every minute
 * cost each process a copy's worth of memory and the database a full scan, for nothing.
 */
class UnitDirectory {
  private byCode = new Map<string, UnitRecord>();
  private byLowerCode = new Map<string, UnitRecord>();
  private grassroots: UnitRecord[] = [];
  /** The directory stamp the copy was read under. */
  private stamp = '';
  private loadedAt = -Infinity;
  private checkedAt = -Infinity;
  private checking: Promise<void> | null = null;

  async fresh(): Promise<this> {
    if (performance.now() - this.checkedAt > CHECK_EVERY_MS) await (this.checking ??= this.check());
    return this;
  }

  /** Forgets what was read, so the next lookup reads the tree again (in tests that write units directly). */
  invalidate(): void {
    this.stamp = '';
    this.checkedAt = -Infinity;
  }

  get(code: string): UnitRecord | undefined {
    return this.byCode.get(code);
  }

  getIgnoringCase(code: string): UnitRecord | undefined {
    return this.byCode.get(code) ?? this.byLowerCode.get(code.toLowerCase());
  }

  childrenOf(code: string): UnitRecord[] {
    return [...this.byCode.values()]
      .filter((u) => u.ancestors.at(-1) === code)
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** The unit's code and every unit under it. */
  subtree(code: string): string[] {
    return [...this.byCode.values()].filter((u) => u.code === code || u.ancestors.includes(code)).map((u) => u.code);
  }

  searchGrassroots(words: string[]): UnitRecord[] {
    return this.grassroots.filter((u) => words.every((w) => ` ${u.searchName}`.includes(` ${w}`)));
  }

  private async check(): Promise<void> {
    try {
      const stamp = await directoryStamp('units');
      if (stamp !== this.stamp || performance.now() - this.loadedAt > RELOAD_EVERY_MS) await this.load(stamp);
      this.checkedAt = performance.now();
    } finally {
      this.checking = null;
    }
  }

  private async load(stamp: string): Promise<void> {
    const units = await UnitModel.find({}, { _id: 0, code: 1, name: 1, searchName: 1, level: 1, ancestors: 1 }).lean<
      UnitRecord[]
    >();
    this.byCode = new Map(units.map((u) => [u.code, u]));
    this.byLowerCode = new Map(units.map((u) => [u.code.toLowerCase(), u]));
    this.grassroots = units.filter((u) => u.level === 'grassroots').sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    this.stamp = stamp;
    this.loadedAt = performance.now();
  }
}

export const unitDirectory = new UnitDirectory();

/** After units were written (an import): every process reads the tree again on its next check. */
export async function unitsChanged(): Promise<void> {
  unitDirectory.invalidate();
  await directoryChanged('units');
}

export async function findUnit(code: string): Promise<UnitRecord | null> {
  return (await unitDirectory.fresh()).get(code) ?? null;
}

export async function childrenOf(code: string): Promise<UnitRecord[]> {
  return (await unitDirectory.fresh()).childrenOf(code);
}

export async function subtreeOf(code: string): Promise<string[]> {
  return (await unitDirectory.fresh()).subtree(code);
}

/** Finds a unit by the code a person typed: exact first, then ignoring case. */
export async function findUnitByTypedCode(typed: string): Promise<UnitRecord | null> {
  const code = typed.trim();
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(code)) return null;
  return (await unitDirectory.fresh()).getIgnoringCase(code) ?? null;
}

/**
 * Grassroots unions whose name has every typed word as the start of one of its words, accents and case
 * ignored ("cong ty may" finds "Công ty May Việt Tiến"). Returns at most `limit` + 1 so callers know
 * there are more.
 */
export async function searchGrassroots(query: string, limit: number): Promise<UnitRecord[]> {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  return (await unitDirectory.fresh()).searchGrassroots(words).slice(0, limit + 1);
}

/** A unit's name, or its code when no such unit is known. */
export const unitName = async (code: string): Promise<string> => (await findUnit(code))?.name ?? code;
