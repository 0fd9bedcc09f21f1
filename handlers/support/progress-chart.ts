import type { ChartSpec } from '../../src/core/reply.js';
import { expectedByPace } from '../../src/core/time.js';
import type { CampaignRecord } from '../../src/services/campaigns.service.js';
import type { ProgressView } from '../../src/services/progress-view.js';
import { childrenOf, type UnitRecord } from '../../src/services/units.service.js';
import { vietnamDay } from '../../src/core/time.js';

const MAX_BARS = 30;
// The pace is the same share of every target; computed on a large one to keep rounding out of it.
const SHARE_BASE = 1_000_000;

/** The chart of a unit's child units in a campaign: actual against target, and the pace. */
export async function progressChart(view: ProgressView, unit: UnitRecord, campaign: CampaignRecord): Promise<ChartSpec | null> {
  const children = await view.standings(campaign.code, await childrenOf(unit.code));
  if (children.length === 0) return null;
  const paceRatio = expectedByPace(SHARE_BASE, campaign.startDate, campaign.endDate, vietnamDay(view.now), campaign.phases) / SHARE_BASE;
  return {
    title: `${unit.name} – ${campaign.name}`,
    bars: children.slice(0, MAX_BARS).map((c) => ({ label: c.unit.name, actual: c.actual, target: c.target })),
    paceRatio,
    lagThreshold: campaign.lagThreshold,
  };
}
