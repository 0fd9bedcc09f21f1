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
 * A cluster's quarter: units by initiatives, then initiatives per member. The unions honour the leader:
 * the best-ranked unit that also beat its own quarterly target (none when nobody did).
 */
export function rankCluster(rows: RankRow[]): { ranked: Ranked[]; leader: Ranked | null } {
  const ranked = rows
    .map((r) => ({
      ...r,
      perMember: r.members > 0 ? r.initiatives / r.members : 0,
      beatTarget: r.quarterTarget !== null && r.quarterTarget > 0 && r.initiatives >= r.quarterTarget,
      rank: 0,
    }))
    .sort((a, b) => b.initiatives - a.initiatives || b.perMember - a.perMember || a.unitCode.localeCompare(b.unitCode))
    .map((r, i) => ({ ...r, rank: i + 1 }));
  return { ranked, leader: ranked.find((r) => r.beatTarget) ?? null };
}
