export interface RankRow {
  unitCode: string;
  name: string;
  initiatives: number;
  members: number;
  /** What a steady pace asked of the unit in the quarter; null without a target. */
  quarterTarget: number | null;
}

export interface Ranked extends RankRow {
  rank: number;
  perMember: number;
  beatTarget: boolean;
}

/**
 * Competition ranking ("1, 2, 2, 4"): an item's rank is one more than the number of items strictly
 * better than it, so items that tie share a rank (đồng hạng).
 */
export const rankAmong = <T>(items: T[], item: T, better: (a: T, b: T) => boolean): number =>
  1 + items.filter((other) => better(other, item)).length;

const ahead = (a: Omit<Ranked, 'rank'>, b: Omit<Ranked, 'rank'>): boolean =>
  a.initiatives > b.initiatives || (a.initiatives === b.initiatives && a.perMember > b.perMember);

/**
 * A cluster's quarter: units by initiatives, then initiatives per member; units equal on both share a
 * rank. The unions honour the leader: the best-ranked unit that also beat its own quarterly target (none
 * when nobody did).
 */
export function rankCluster(rows: RankRow[]): { ranked: Ranked[]; leader: Ranked | null } {
  const scored = rows.map((r) => ({
    ...r,
    perMember: r.members > 0 ? r.initiatives / r.members : 0,
    beatTarget: r.quarterTarget !== null && r.quarterTarget > 0 && r.initiatives >= r.quarterTarget,
  }));
  const ranked = scored
    .map((r) => ({ ...r, rank: rankAmong(scored, r, ahead) }))
    .sort((a, b) => a.rank - b.rank || a.unitCode.localeCompare(b.unitCode));
  return { ranked, leader: ranked.find((r) => r.beatTarget) ?? null };
}
