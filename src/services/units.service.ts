import { UnitModel, type UnitLevel } from '../models/index.js';
import { foldForSearch } from '../core/text.js';
import { DirectoryCopy } from '../core/directory-copy.js';
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

/**
 * The unit tree, read whole and kept in memory. Units are reference data that every registration and
 * submission reads; 100,000 units are about 20 MB, and searching them in memory takes milliseconds where
 * an unanchored regex query scans the collection on every keystroke (on FerretDB, seconds).
 */
class UnitTree {
  private readonly byCode: Map<string, UnitRecord>;
  private readonly byLowerCode: Map<string, UnitRecord>;
  private readonly grassroots: UnitRecord[];

  constructor(units: UnitRecord[]) {
    this.byCode = new Map(units.map((u) => [u.code, u]));
    this.byLowerCode = new Map(units.map((u) => [u.code.toLowerCase(), u]));
    this.grassroots = units.filter((u) => u.level === 'grassroots').sort((a, b) => a.name.localeCompare(b.name, 'vi'));
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
}

/**
 * Each process's copy of the tree, read again only when an import changed it (its directory token,
 * checked at most every minute: an admin's import shows up in the bot within that), or after an hour (a
 * tree changed by hand in the database). Reading 10,000 units every minute cost each process a copy's
 * worth of memory and the database a full scan, for nothing.
 */
export const unitDirectory = new DirectoryCopy(
  () => directoryStamp('units'),
  async () =>
    new UnitTree(
      await UnitModel.find({}, { _id: 0, code: 1, name: 1, searchName: 1, level: 1, ancestors: 1 }).lean<
        UnitRecord[]
      >(),
    ),
  { checkMs: 60_000, reloadMs: 3_600_000 },
);

/** After units were written (an import): every process reads the tree again on its next check. */
export async function unitsChanged(): Promise<void> {
  unitDirectory.forget();
  await directoryChanged('units');
}

export async function findUnit(code: string): Promise<UnitRecord | null> {
  return (await unitDirectory.current()).get(code) ?? null;
}

export async function childrenOf(code: string): Promise<UnitRecord[]> {
  return (await unitDirectory.current()).childrenOf(code);
}

export async function subtreeOf(code: string): Promise<string[]> {
  return (await unitDirectory.current()).subtree(code);
}

/** Finds a unit by the code a person typed: exact first, then ignoring case. */
export async function findUnitByTypedCode(typed: string): Promise<UnitRecord | null> {
  const code = typed.trim();
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(code)) return null;
  return (await unitDirectory.current()).getIgnoringCase(code) ?? null;
}

/**
 * Grassroots unions whose name has every typed word as the start of one of its words, accents and case
 * ignored ("cong ty may" finds "Công ty May Việt Tiến"). Returns at most `limit` + 1 so callers know
 * there are more.
 */
export async function searchGrassroots(query: string, limit: number): Promise<UnitRecord[]> {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  return (await unitDirectory.current()).searchGrassroots(words).slice(0, limit + 1);
}

/** A unit's name, or its code when no such unit is known. */
export const unitName = async (code: string): Promise<string> => (await findUnit(code))?.name ?? code;
