import type { ChartSpec, TrendChartSpec, TrendWeek, UnitsChartSpec } from '../core/reply.js';
import { DAY_MS as DAY, expectedByPace, isoWeek, vietnamDay } from '../core/time.js';
import type { CampaignRecord } from './campaigns.service.js';
import { weekMetric } from './progress.service.js';
import type { ProgressView } from './progress-view.js';
import { childrenOf, type UnitRecord } from './units.service.js';

const MAX_BARS = 30;
// The pace is the same share of every target; computed on a large one to keep rounding out of it.
const SHARE_BASE = 1_000_000;

/** Both charts of a unit in a campaign: its child units (when it has any with targets), then its weekly trend (when it has a target). */
export async function progressCharts(
  view: ProgressView,
  unit: UnitRecord,
  campaign: CampaignRecord,
): Promise<ChartSpec[]> {
  const [units, trend] = await Promise.all([progressChart(view, unit, campaign), trendChart(view, unit, campaign)]);
  return [units, trend].filter((c): c is ChartSpec => c !== null);
}

/** The chart of a unit's child units in a campaign: actual against target, and the pace. */
export async function progressChart(
  view: ProgressView,
  unit: UnitRecord,
  campaign: CampaignRecord,
): Promise<UnitsChartSpec | null> {
  const children = await view.standings(campaign.code, await childrenOf(unit.code));
  if (children.length === 0) return null;
  const paceRatio =
    expectedByPace(SHARE_BASE, campaign.startDate, campaign.endDate, vietnamDay(view.now), campaign.phases) /
    SHARE_BASE;
  return {
    kind: 'units',
    title: `${unit.name} – ${campaign.name}`,
    bars: children.slice(0, MAX_BARS).map((c) => ({ label: c.unit.name, actual: c.actual, target: c.target })),
    paceRatio,
    lagThreshold: campaign.lagThreshold,
  };
}

/** The unit's initiatives submitted so far, at the end of each week of the campaign, against its target and the phase-deadline pace. */
export async function trendChart(
  view: ProgressView,
  unit: UnitRecord,
  campaign: CampaignRecord,
): Promise<TrendChartSpec | null> {
  const [[target], counts] = await Promise.all([
    view.targetsOf(campaign.code, [unit.code]),
    view.countOf(campaign.code, unit.code),
  ]);
  if (target === undefined || target <= 0) return null;
  return {
    kind: 'trend',
    title: `${unit.name} – ${campaign.name}`,
    target,
    weeks: campaignWeeks(campaign, vietnamDay(view.now), target, counts),
  };
}

/** One point per campaign week (its Sunday, or the campaign's last day): submissions so far (null for weeks to come) and the pace. */
export function campaignWeeks(
  campaign: Pick<CampaignRecord, 'startDate' | 'endDate' | 'phases'>,
  today: Date,
  target: number,
  counts: Map<string, number>,
): TrendWeek[] {
  const perWeek = [...counts].flatMap(([metric, n]) =>
    metric.startsWith(weekMetric('')) ? [{ week: metric.slice(weekMetric('').length), n }] : [],
  );
  const weeks: TrendWeek[] = [];
  const start = campaign.startDate.getTime();
  const end = campaign.endDate.getTime();
  const firstSunday = start + ((7 - new Date(start).getUTCDay()) % 7) * DAY;
  for (let sunday = firstSunday; ; sunday += 7 * DAY) {
    const day = new Date(Math.min(sunday, end));
    const week = isoWeek(new Date(day.getTime() + 12 * 3_600_000)); // midday: inside the Vietnam day
    const weekStart = sunday - 6 * DAY;
    weeks.push({
      label: `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}`,
      actual: weekStart > today.getTime() ? null : perWeek.filter((w) => w.week <= week).reduce((s, w) => s + w.n, 0),
      pace: expectedByPace(target, campaign.startDate, campaign.endDate, day, campaign.phases),
    });
    if (sunday >= end) break;
  }
  return weeks;
}
