import { UnitModel } from '../models/index.js';
import { escapeRegex, foldForSearch } from '../text.js';

export type UnitRecord = NonNullable<Awaited<ReturnType<typeof findUnit>>>;

export async function findUnit(code: string) {
  return UnitModel.findOne({ code }).lean();
}

/** Finds a unit by the code a person typed: exact first, then ignoring case. */
export async function findUnitByTypedCode(typed: string): Promise<UnitRecord | null> {
  const code = typed.trim();
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(code)) return null;
  return (
    (await UnitModel.findOne({ code }).lean()) ??
    (await UnitModel.findOne({ code: { $regex: `^${escapeRegex(code)}$`, $options: 'i' } }).lean())
  );
}

/**
 * Grassroots unions whose name contains every typed word, accents and case ignored
 * ("cong ty may" finds "Công ty May Việt Tiến"). Returns at most `limit` + 1 so callers know there are more.
 */
export async function searchGrassroots(query: string, limit: number): Promise<UnitRecord[]> {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  // One condition per word: RE2 (FerretDB) has no lookahead to do it in one pattern.
  const everyWord = words.map((w) => ({ searchName: { $regex: `(^| )${escapeRegex(w)}` } }));
  return UnitModel.find({ level: 'grassroots', $and: everyWord })
    .sort({ name: 1 })
    .limit(limit + 1)
    .lean();
}
