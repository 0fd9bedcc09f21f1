import type { Redis } from 'ioredis';
import { msg, type Msg } from '../core/i18n.js';
import type { ChartSpec, TrendChartSpec, TrendWeek, UnitsChartSpec } from '../core/reply.js';
import { formatDay, expectedByPace, isLagging, vietnamDay, isoWeek, DAY_MS } from '../core/time.js';
import { percentOf } from '../core/numbers.js';
import { rankAmong } from '../core/ranking.js';
import type { InitiativeStatus } from '../models/index.js';
import {
  allTargetsOf,
  campaignForPath,
  campaignsRunning,
  targetsOf,
  type CampaignRecord,
} from './campaigns.service.js';
import { pledgesDueBy } from './pledges.service.js';
import { progressOfUnits, sumStatuses, weekMetric } from './progress.service.js';
import { childrenOf, findUnit, pathOf, subtreeOf, type UnitRecord } from './units.service.js';

/*
 * Progress as people read it, from the counters (progress.service.ts): one view reads the numbers once
 * for an answer or a whole run of the weekly ping; from it, a unit's report, what the weekly ping adds
 * (rank, lagging children, pledges due) and the charts.
 */

/** A unit's actual (initiatives that count) against its target in a campaign. */
export interface Standing {
  unit: UnitRecord;
  target: number;
  actual: number;
}

/**
 * Progress numbers read once and shared: one view serves a /progress answer, or a whole run of the weekly
 * ping, so the running campaigns are read once, each unit's counts and target once (the ping's rank, lagging
 * children and chart all read the same children), and units are read in batches.
 */
export class ProgressView {
  private running: Promise<CampaignRecord[]> | null = null;
  private readonly campaigns = new Map<string, Promise<CampaignRecord | null>>();
  private readonly counts = new Map<string, Promise<Map<string, number> | undefined>>();
  private readonly targets = new Map<string, Promise<number | undefined>>();
  private readonly campaignTargets = new Map<string, Promise<Map<string, number>>>();

  /**
   * `fanOut`: the view serves a job that reads many units (the weekly ping of every officer): it reads
   * each campaign's targets whole, once, rather than a few units' at a time.
   */
  constructor(
    private readonly redis: Redis,
    readonly now: Date,
    private readonly opts: { fanOut?: boolean } = {},
  ) {}

  /** The campaign running for a unit (its own or an ancestor's target decides between several), or null. */
  campaignFor(unit: UnitRecord): Promise<CampaignRecord | null> {
    const path = pathOf(unit);
    return memo(this.campaigns, path.join('/'), async () =>
      campaignForPath(await (this.running ??= campaignsRunning(this.now)), path),
    );
  }

  /** Units' counts in a campaign, by metric, in the order asked. */
  async countsOf(campaignCode: string, units: string[]): Promise<Map<string, number>[]> {
    const found = await batch(this.counts, campaignCode, units, (missing) =>
      progressOfUnits(this.redis, campaignCode, missing),
    );
    return found.map((counts) => counts ?? new Map<string, number>());
  }

  async countOf(campaignCode: string, unit: string): Promise<Map<string, number>> {
    return (await this.countsOf(campaignCode, [unit]))[0]!;
  }

  /** Units' targets in a campaign (undefined: none), in the order asked. */
  async targetsOf(campaignCode: string, units: string[]): Promise<(number | undefined)[]> {
    if (this.opts.fanOut) {
      const all = await memo(this.campaignTargets, campaignCode, () => allTargetsOf(campaignCode));
      return units.map((u) => all.get(u));
    }
    return batch(this.targets, campaignCode, units, (missing) => targetsOf(campaignCode, missing));
  }

  /** The standings of the units that have a target, in the order given. */
  async standings(campaignCode: string, units: UnitRecord[]): Promise<Standing[]> {
    const codes = units.map((u) => u.code);
    const [targets, counts] = await Promise.all([
      this.targetsOf(campaignCode, codes),
      this.countsOf(campaignCode, codes),
    ]);
    return units.flatMap((unit, i) =>
      targets[i] === undefined ? [] : [{ unit, target: targets[i], actual: sumStatuses(counts[i]!) }],
    );
  }
}

function memo<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let found = cache.get(key);
  if (!found) cache.set(key, (found = load()));
  return found;
}

/** Values per `scope:key`, loading the missing ones in one call. */
function batch<T>(
  cache: Map<string, Promise<T | undefined>>,
  scope: string,
  keys: string[],
  load: (missing: string[]) => Promise<Map<string, T>>,
): Promise<(T | undefined)[]> {
  const missing = [...new Set(keys.filter((k) => !cache.has(`${scope}:${k}`)))];
  if (missing.length > 0) {
    const loaded = load(missing);
    for (const k of missing)
      cache.set(
        `${scope}:${k}`,
        loaded.then((m) => m.get(k)),
      );
  }
  return Promise.all(keys.map((k) => cache.get(`${scope}:${k}`)!));
}

const ACCEPTED: InitiativeStatus[] = ['accepted', 'recognized', 'replicated'];

/** Whether `a` is further along its target than `b` (by cross-multiplying: equal shares compare equal). */
const shareAbove = (a: Standing, b: Standing): boolean => a.actual * b.target > b.actual * a.target;

/** A unit's numbers in a campaign (by default the one running), from the counters; null when none runs. */
export async function progressReport(
  view: ProgressView,
  unit: UnitRecord,
  campaign?: CampaignRecord,
): Promise<Msg | null> {
  const found = campaign ?? (await view.campaignFor(unit));
  if (!found) return null;
  const [counts, [target]] = await Promise.all([
    view.countOf(found.code, unit.code),
    view.targetsOf(found.code, [unit.code]),
  ]);
  const total = sumStatuses(counts);
  return msg('progress-report', {
    unit: unit.name,
    campaign: found.name,
    total,
    week: counts.get(weekMetric(isoWeek(view.now))) ?? 0,
    accepted: sumStatuses(counts, ACCEPTED),
    recognized: sumStatuses(counts, ['recognized', 'replicated']),
    target: target ?? 0,
    percent: percentOf(total, target ?? 0),
  });
}

const MAX_LISTED = 10;
const PLEDGE_HORIZON_DAYS = 14;

/** A child unit's standing against the pace: what a steady pace expects of it by now, and whether it lags. */
export interface PacedStanding extends Standing {
  expected: number;
  lagging: boolean;
}

/** The unit's child units with a target, best share of target first, each against the pace. */
export async function childStandings(
  view: ProgressView,
  unit: UnitRecord,
  campaign: CampaignRecord,
): Promise<PacedStanding[]> {
  const today = vietnamDay(view.now);
  const children = await view.standings(campaign.code, await childrenOf(unit.code));
  return children
    .map((c) => {
      const expected = expectedByPace(c.target, campaign.startDate, campaign.endDate, today, campaign.phases);
      return { ...c, expected, lagging: isLagging(c.actual, expected, campaign.lagThreshold) };
    })
    .sort((a, b) => shareOf(b) - shareOf(a));
}

const shareOf = (s: Standing): number => (s.target > 0 ? s.actual / s.target : 0);

/** The child units behind a steady pace, most behind first. */
export const laggingOf = (standings: PacedStanding[]): PacedStanding[] =>
  standings.filter((c) => c.lagging).sort((a, b) => b.expected - b.actual - (a.expected - a.actual));

/** The unit's child units behind a steady pace, most behind first, each with its numbers. */
export async function laggingChildren(view: ProgressView, unit: UnitRecord, campaign: CampaignRecord): Promise<Msg[]> {
  return laggingOf(await childStandings(view, unit, campaign)).map((c) =>
    msg('weekly-lagging-child', { unit: c.unit.name, actual: c.actual, expected: c.expected }),
  );
}

/**
 * What the weekly ping adds to the numbers: the rank among sibling units (by share of target), the
 * child units behind pace, and the subtree's pledges due within 14 days or overdue.
 */
export async function weeklyDetails(view: ProgressView, unit: UnitRecord, campaign: CampaignRecord): Promise<Msg[]> {
  const today = vietnamDay(view.now);
  const details: Msg[] = [];

  const parent = unit.ancestors.at(-1);
  if (parent) {
    const siblings = await view.standings(campaign.code, await childrenOf(parent));
    const own = siblings.find((s) => s.unit.code === unit.code);
    if (own) {
      // Units with the same share of their target share a rank (đồng hạng).
      const rank = rankAmong(siblings, own, shareAbove);
      const tied = siblings.some((s) => s !== own && !shareAbove(s, own) && !shareAbove(own, s));
      details.push(msg('weekly-rank', { rank, of: siblings.length, tied: tied ? 'yes' : 'no' }));
    }
  }

  details.push(...(await laggingChildren(view, unit, campaign)).slice(0, MAX_LISTED));

  const pledges = await pledgesDueBy(
    await subtreeOf(unit.code),
    new Date(today.getTime() + PLEDGE_HORIZON_DAYS * DAY_MS),
    MAX_LISTED,
  );
  for (const p of pledges) {
    const name = (await findUnit(p.unitCode))?.name ?? p.unitCode;
    details.push(
      msg('weekly-pledge', { unit: name, due: formatDay(p.dueDate), overdue: p.dueDate < today ? 'yes' : 'no' }),
    );
  }
  return details;
}

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
  const firstSunday = start + ((7 - new Date(start).getUTCDay()) % 7) * DAY_MS;
  for (let sunday = firstSunday; ; sunday += 7 * DAY_MS) {
    const day = new Date(Math.min(sunday, end));
    const week = isoWeek(new Date(day.getTime() + 12 * 3_600_000)); // midday: inside the Vietnam day
    const weekStart = sunday - 6 * DAY_MS;
    weeks.push({
      label: `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}`,
      actual: weekStart > today.getTime() ? null : perWeek.filter((w) => w.week <= week).reduce((s, w) => s + w.n, 0),
      pace: expectedByPace(target, campaign.startDate, campaign.endDate, day, campaign.phases),
    });
    if (sunday >= end) break;
  }
  return weeks;
}
