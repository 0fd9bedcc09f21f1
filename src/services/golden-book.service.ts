import { InitiativeModel, MemberModel, type Category } from '../models/index.js';
import { childrenOf, findUnit, type UnitRecord } from './units.service.js';

/** Which recognised initiatives a golden book lists: one campaign's, or one year's (by the initiative's year). */
export type GoldenBookScope = { campaignCode: string } | { year: number };

/** One line of the golden book (sổ vàng sáng kiến): a recognised (or since replicated) initiative. */
export interface GoldenEntry {
  code: string;
  title: string;
  confidential: boolean;
  author: string;
  coAuthors: string[];
  unitCode: string;
  unitName: string;
  category: Category | null;
  valueVnd: number | null;
  /** The council's decision that recognised it: its number, and its date (a Vietnam day at 00:00 UTC). */
  decisionNumber: string | null;
  decisionDate: Date | null;
}

/** The entries under one child unit (its whole subtree), or under the unit itself for its own initiatives. */
export interface GoldenSection {
  unit: UnitRecord;
  entries: GoldenEntry[];
}

export interface GoldenBook {
  unit: UnitRecord;
  scope: GoldenBookScope;
  /** The unit's own section first (when it has entries), then one per child unit, each in code order. */
  sections: GoldenSection[];
}

const RECOGNISED = ['recognized', 'replicated'] as const;

/** The golden book of a unit's subtree for a campaign or a year; null for an unknown unit. */
export async function goldenBook(unitCode: string, scope: GoldenBookScope): Promise<GoldenBook | null> {
  const unit = await findUnit(unitCode);
  if (!unit) return null;
  const found = await InitiativeModel.find(
    {
      status: { $in: [...RECOGNISED] },
      mergedInto: null,
      $or: [{ unitCode }, { unitAncestors: unitCode }],
      ...('campaignCode' in scope ? { campaignCode: scope.campaignCode } : { year: scope.year }),
    },
    {
      code: 1,
      title: 1,
      idea: 1,
      confidential: 1,
      authorId: 1,
      coAuthorIds: 1,
      coAuthors: 1,
      unitCode: 1,
      unitAncestors: 1,
      category: 1,
      valueVnd: 1,
      decisionNumber: 1,
      decisionDate: 1,
    },
  ).lean();
  const names = await memberNames(found.flatMap((i) => [String(i.authorId), ...coAuthorIdsOf(i)]));
  const children = await childrenOf(unit.code);
  const units = new Map([unit, ...children].map((u) => [u.code, u]));
  const bySection = new Map<string, GoldenEntry[]>();
  for (const i of found.sort((a, b) => a.code.localeCompare(b.code))) {
    const path = [...i.unitAncestors, i.unitCode];
    const section = path[path.indexOf(unit.code) + 1] ?? unit.code;
    const entry: GoldenEntry = {
      code: i.code,
      title: i.title || i.idea,
      confidential: i.confidential,
      author: names.get(String(i.authorId)) ?? '',
      coAuthors: [
        ...coAuthorIdsOf(i).map((id) => names.get(id) ?? ''),
        ...i.coAuthors.split(/[,;\n]/).map((s) => s.trim()),
      ].filter((s) => s !== ''),
      unitCode: i.unitCode,
      unitName: (await findUnit(i.unitCode))?.name ?? i.unitCode,
      category: i.category ?? null,
      valueVnd: i.valueVnd ?? null,
      decisionNumber: i.decisionNumber ?? null,
      decisionDate: i.decisionDate ?? null,
    };
    bySection.set(section, [...(bySection.get(section) ?? []), entry]);
  }
  const own = bySection.get(unit.code);
  return {
    unit,
    scope,
    sections: [
      ...(own ? [{ unit, entries: own }] : []),
      ...children.map((child) => ({ unit: units.get(child.code)!, entries: bySection.get(child.code) ?? [] })),
    ],
  };
}

const coAuthorIdsOf = (i: { coAuthorIds: Iterable<unknown> }): string[] => [...i.coAuthorIds].map(String);

async function memberNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const members = await MemberModel.find({ _id: { $in: unique } }, { name: 1 }).lean();
  return new Map(members.map((m) => [String(m._id), m.name]));
}

/** Who may take a unit's golden book: its officers, support team and admins, and those of the units above it. */
export const mayReadGoldenBook = (member: { roles: { unitCode: string }[] }, unit: UnitRecord): boolean =>
  member.roles.some((r) => r.unitCode === unit.code || unit.ancestors.includes(r.unitCode));
