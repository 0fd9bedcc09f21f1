import { msg, type Msg } from '../core/i18n.js';
import { formatDay, expectedByPace, isLagging, vietnamDay, isoWeek, DAY_MS } from '../core/time.js';
import type { CampaignRecord } from './campaigns.service.js';
import { pledgesDueBy } from './pledges.service.js';
import type { ProgressView, Standing } from './progress-view.js';
import { percentOf } from '../core/numbers.js';
import { rankAmong } from '../core/ranking.js';
import { childrenOf, findUnit, subtreeOf, type UnitRecord } from './units.service.js';
import type { InitiativeStatus } from '../models/index.js';
import { sumStatuses, weekMetric } from './progress.service.js';

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
