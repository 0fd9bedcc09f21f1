import { UnitModel } from '../models/index.js';
import { problem, rejected, type Checked } from './problems.js';

type Listed = { code: string; name: string; parentCode?: string | null; level: string };

/** The unit tree, or the subtree under one code (that unit included), one indented line per unit. */
export async function listUnits(under?: string): Promise<Checked<{ lines: string[] }>> {
  const filter = under === undefined ? {} : { $or: [{ code: under }, { ancestors: under }] };
  const units: Listed[] = await UnitModel.find(filter, { _id: 0, code: 1, name: 1, parentCode: 1, level: 1 }).lean();
  if (under !== undefined && !units.some((u) => u.code === under)) {
    return rejected([problem('admin-list-unknown-unit', { unit: under })]);
  }

  const codes = new Set(units.map((u) => u.code));
  const children = new Map<string | null, Listed[]>();
  for (const unit of units) {
    // The top of the listing: a root, or the unit we list under (its parent was not fetched).
    const parent = unit.parentCode && codes.has(unit.parentCode) ? unit.parentCode : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(unit);
    else children.set(parent, [unit]);
  }
  // Numeric-aware, so G2 comes before G10.
  const byCode = (a: Listed, b: Listed) => a.code.localeCompare(b.code, 'en', { numeric: true });

  const lines: string[] = [];
  const stack = (children.get(null) ?? [])
    .sort(byCode)
    .reverse()
    .map((unit) => ({ unit, depth: 0 }));
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { unit, depth } = next;
    lines.push(`${'  '.repeat(depth)}${unit.code}  ${unit.name}  (${unit.level})`);
    const below = (children.get(unit.code) ?? []).sort(byCode).reverse();
    stack.push(...below.map((child) => ({ unit: child, depth: depth + 1 })));
  }
  return { ok: true, lines };
}
