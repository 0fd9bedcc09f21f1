import { bulkWriteInChunks } from '../services/bulk-write.js';
import { unitsChanged } from '../services/units.service.js';
import type { AnyBulkWriteOperation, Types } from 'mongoose';
import { UNIT_LEVELS, UnitModel, type UnitLevel } from '../models/index.js';
import { foldForSearch } from '../core/text.js';
import { readCsv, type CsvRow } from './csv.js';
import { problem, rejected, type Checked, type Problem } from './problems.js';
import { CODE_PATTERN, MAX_NAME, cleanName, nameLength } from './rules.js';

const COLUMNS = ['code', 'name', 'parent_code', 'level'] as const;
/**
 * A parent ranks at or above its child: peers may nest (a provincial sector union under its province,
 * an industrial-zone union under a district union), the national federation has no parent and a
 * grassroots union no children.
 */
const RANK: Record<UnitLevel, number> = { national: 0, province: 1, sector: 1, upper: 2, grassroots: 3 };
const mayParent = (parent: UnitLevel, child: UnitLevel): boolean =>
  child !== 'national' && parent !== 'grassroots' && RANK[parent] <= RANK[child];
const ROOT_LEVELS: readonly UnitLevel[] = ['national', 'province', 'sector'];

interface UnitFields {
  code: string;
  name: string;
  searchName: string;
  parentCode: string | null;
  level: UnitLevel;
}
interface PlacedUnit extends UnitFields {
  ancestors: string[];
}
interface StoredUnit extends PlacedUnit {
  _id: Types.ObjectId;
}
/** A file row as far as it could be read; null fields were bad and are already reported. */
interface RowUnit {
  line: number;
  code: string;
  name: string | null;
  parentCode: string | null;
  level: UnitLevel | null;
}
/** The tree as it would be after the import: stored units with the file's rows laid over them. */
type Tree = Map<string, { parentCode: string | null; level: UnitLevel | null }>;

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** Units not in the file whose ancestors changed because a unit above them moved. */
  descendantsMoved: number;
}

/** Validates the whole CSV against the stored tree, then writes what changed; a file with any bad row writes nothing. */
export async function importUnits(csvText: string): Promise<Checked<ImportSummary>> {
  const csv = readCsv(csvText, COLUMNS);
  if (!csv.ok) return csv;
  const stored = await loadStoredUnits();
  const checked = checkRows(csv.rows, csv.badRows, stored);
  if (!checked.ok) return checked;
  return { ok: true, ...(await writeUnits(checked.units, stored)) };
}

async function loadStoredUnits(): Promise<Map<string, StoredUnit>> {
  const units = await UnitModel.find(
    {},
    { code: 1, name: 1, searchName: 1, parentCode: 1, level: 1, ancestors: 1 },
  ).lean();
  return new Map(units.map((u) => [u.code, { ...u, parentCode: u.parentCode ?? null, level: u.level }]));
}

function checkRows(
  rows: CsvRow[],
  badRows: Problem[],
  stored: Map<string, StoredUnit>,
): Checked<{ units: UnitFields[] }> {
  const problems = [...badRows];
  const inFile = new Map<string, RowUnit>();
  for (const row of rows) {
    const unit = readRow(row, problems);
    if (!unit) continue;
    const first = inFile.get(unit.code);
    if (first)
      problems.push(problem('admin-reason-duplicate-code', { code: unit.code, first: String(first.line) }, row.line));
    else inFile.set(unit.code, unit);
  }

  const tree: Tree = new Map(stored);
  for (const unit of inFile.values()) tree.set(unit.code, unit);
  const cycles = findCycles(tree);
  const storedChildren = childrenOutside(tree, inFile);
  for (const unit of inFile.values()) {
    const cycle = cycles.get(unit.code);
    if (cycle) problems.push(problem('admin-reason-cycle', { path: cycle.join(' → ') }, unit.line));
    problems.push(...placementProblems(unit, tree, storedChildren.get(unit.code) ?? []));
  }

  if (problems.length > 0) return rejected(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  // No problems means no row has a null field left.
  const units = [...inFile.values()].flatMap(({ code, name, parentCode, level }) =>
    name && level ? [{ code, name, searchName: foldForSearch(name), parentCode, level }] : [],
  );
  return { ok: true, units };
}

/** Reads one row, reporting what is wrong in it; null when the code itself is unusable. */
function readRow({ line, cells }: CsvRow, problems: Problem[]): RowUnit | null {
  const [code = '', rawName = '', parent = '', rawLevel = ''] = cells;
  const name = cleanName(rawName);
  const level = rawLevel.toLowerCase();
  const report = (key: string, vars?: Record<string, string | number>) => problems.push(problem(key, vars, line));

  const codeOk = CODE_PATTERN.test(code);
  if (!code) report('admin-reason-empty-code');
  else if (!codeOk) report('admin-reason-code-format', { code });
  const length = nameLength(name);
  if (length === 0) report('admin-reason-empty-name');
  else if (length > MAX_NAME) report('admin-reason-name-too-long', { max: MAX_NAME, length });
  const levelOk = (UNIT_LEVELS as readonly string[]).includes(level);
  if (!levelOk) report('admin-reason-bad-level', { level: rawLevel, levels: UNIT_LEVELS.join(', ') });

  if (!codeOk) return null;
  const nameOk = length > 0 && length <= MAX_NAME;
  return {
    line,
    code,
    name: nameOk ? name : null,
    parentCode: parent || null,
    level: levelOk ? (level as UnitLevel) : null,
  };
}

/** Where a row sits: a known parent of a higher level, or a root of a level that may be one. */
function placementProblems(unit: RowUnit, tree: Tree, storedChildren: string[]): Problem[] {
  const found: Problem[] = [];
  const add = (key: string, vars: Record<string, string>) => found.push(problem(key, vars, unit.line));
  const parent = unit.parentCode ? tree.get(unit.parentCode) : undefined;
  if (unit.parentCode === null) {
    if (unit.level && !ROOT_LEVELS.includes(unit.level)) add('admin-reason-needs-parent', { level: unit.level });
  } else if (!parent) {
    add('admin-reason-unknown-parent', { parent: unit.parentCode });
  } else if (unit.level && parent.level && !mayParent(parent.level, unit.level)) {
    add('admin-reason-parent-level', { parent: unit.parentCode, parentLevel: parent.level, level: unit.level });
  }
  for (const child of storedChildren) {
    const childLevel = tree.get(child)?.level;
    if (unit.level && childLevel && !mayParent(unit.level, childLevel)) {
      add('admin-reason-child-level', { child, childLevel, level: unit.level });
    }
  }
  return found;
}

/** For every code on a parent loop, the loop read upwards from it and back to it: A → B → A. */
function findCycles(tree: Tree): Map<string, string[]> {
  const cycles = new Map<string, string[]>();
  const walkOf = new Map<string, number>();
  let walk = 0;
  for (const start of tree.keys()) {
    walk += 1;
    const path: string[] = [];
    let code: string | null | undefined = start;
    while (code && tree.has(code) && !walkOf.has(code)) {
      walkOf.set(code, walk);
      path.push(code);
      code = tree.get(code)?.parentCode;
    }
    // Meeting a code from an earlier walk is not a loop: that walk already dealt with it.
    if (!code || walkOf.get(code) !== walk) continue;
    const loop = path.slice(path.indexOf(code));
    loop.forEach((member, i) => cycles.set(member, [...loop.slice(i), ...loop.slice(0, i), member]));
  }
  return cycles;
}

/** Children of each file unit that are stored but not in the file, so the file cannot check them itself. */
function childrenOutside(tree: Tree, inFile: Map<string, RowUnit>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const [code, { parentCode }] of tree) {
    if (!parentCode || !inFile.has(parentCode) || inFile.has(code)) continue;
    const siblings = children.get(parentCode);
    if (siblings) siblings.push(code);
    else children.set(parentCode, [code]);
  }
  return children;
}

async function writeUnits(units: UnitFields[], stored: Map<string, StoredUnit>): Promise<ImportSummary> {
  const parentOf = new Map<string, string | null>([...stored].map(([code, u]) => [code, u.parentCode]));
  for (const u of units) parentOf.set(u.code, u.parentCode);
  const ancestorsOf = ancestry(parentOf);

  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, descendantsMoved: 0 };
  const ops: AnyBulkWriteOperation[] = [];
  const update = (_id: Types.ObjectId, fields: Partial<PlacedUnit>) =>
    ops.push({ updateOne: { filter: { _id }, update: { $set: fields } } });

  const fromFile = new Set<string>();
  for (const unit of units) {
    fromFile.add(unit.code);
    const next = { ...unit, ancestors: ancestorsOf(unit.code) };
    const old = stored.get(unit.code);
    if (!old) {
      summary.created += 1;
      ops.push({ insertOne: { document: next } });
    } else if (sameUnit(old, next)) {
      summary.unchanged += 1;
    } else {
      summary.updated += 1;
      update(old._id, next);
    }
  }
  for (const [code, old] of stored) {
    if (fromFile.has(code)) continue;
    const ancestors = ancestorsOf(code);
    if (sameList(old.ancestors, ancestors)) continue;
    summary.descendantsMoved += 1;
    update(old._id, { ancestors });
  }

  // The whole tree is loaded, so new codes are plain inserts (the unique index still guards them) and
  // only changed units are updated, by _id: FerretDB 1.x/SQLite scans the collection on every update,
  // and on any other filter also decodes documents one by one until it finds the match.
  await bulkWriteInChunks(UnitModel, ops);
  // Every process (this one at once) reads the new tree on its next check.
  await unitsChanged();
  return summary;
}

/** Ancestors of a code, root first, memoized; the tree is known to be free of loops here. */
function ancestry(parentOf: Map<string, string | null>): (code: string) => string[] {
  const memo = new Map<string, string[]>();
  const ancestorsOf = (code: string): string[] => {
    const known = memo.get(code);
    if (known) return known;
    const parent = parentOf.get(code) ?? null;
    const result = parent ? [...ancestorsOf(parent), parent] : [];
    memo.set(code, result);
    return result;
  };
  return ancestorsOf;
}

function sameUnit(a: PlacedUnit, b: PlacedUnit): boolean {
  return (
    a.name === b.name &&
    a.searchName === b.searchName &&
    a.parentCode === b.parentCode &&
    a.level === b.level &&
    sameList(a.ancestors, b.ancestors)
  );
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);
