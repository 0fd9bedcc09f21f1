import { msg, type Msg } from '../../src/core/i18n.js';
import { formatDay } from '../../src/core/time.js';
import { expectedByPace, isLagging } from '../../src/core/time.js';
import type { CampaignRecord } from '../../src/services/campaigns.service.js';
import { pledgesDueBy } from '../../src/services/pledges.service.js';
import type { ProgressView } from '../../src/services/progress-view.js';
import { childrenOf, findUnit, subtreeOf, type UnitRecord } from '../../src/services/units.service.js';
import { vietnamDay } from '../../src/core/time.js';

const DAY = 86_400_000;
const MAX_LISTED = 10;
const PLEDGE_HORIZON_DAYS = 14;

/** The unit's child units behind a steady pace, most behind first, each with its numbers. */
export async function laggingChildren(view: ProgressView, unit: UnitRecord, campaign: CampaignRecord): Promise<Msg[]> {
  const today = vietnamDay(view.now);
  const children = await view.standings(campaign.code, await childrenOf(unit.code));
  return children
    .map((c) => ({ ...c, expected: expectedByPace(c.target, campaign.startDate, campaign.endDate, today, campaign.phases) }))
    .filter((c) => isLagging(c.actual, c.expected, campaign.lagThreshold))
    .sort((a, b) => b.expected - b.actual - (a.expected - a.actual))
    .map((c) => msg('weekly-lagging-child', { unit: c.unit.name, actual: c.actual, expected: c.expected }));
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
    const ranked = siblings.sort((a, b) => b.actual / b.target - a.actual / a.target);
    const rank = ranked.findIndex((s) => s.unit.code === unit.code) + 1;
    if (rank > 0) details.push(msg('weekly-rank', { rank, of: ranked.length }));
  }

  details.push(...(await laggingChildren(view, unit, campaign)).slice(0, MAX_LISTED));

  const pledges = await pledgesDueBy(await subtreeOf(unit.code), new Date(today.getTime() + PLEDGE_HORIZON_DAYS * DAY), MAX_LISTED);
  for (const p of pledges) {
    const name = (await findUnit(p.unitCode))?.name ?? p.unitCode;
    details.push(msg('weekly-pledge', { unit: name, due: formatDay(p.dueDate), overdue: p.dueDate < today ? 'yes' : 'no' }));
  }
  return details;
}
