import { msg, type Msg } from '../../src/i18n.js';
import { CampaignModel, PledgeModel, TargetModel } from '../../src/models/index.js';
import { formatDay } from '../../src/dates.js';
import { expectedByPace, isLagging } from '../../src/pace.js';
import { activeCampaignFor } from '../../src/services/campaigns.service.js';
import { progressOf, sumStatuses } from '../../src/services/progress.service.js';
import { childrenOf, findUnit, subtreeOf, type UnitRecord } from '../../src/services/units.service.js';
import { vietnamDay } from '../../src/vietnam-time.js';

const DAY = 86_400_000;
const MAX_LISTED = 10;
const PLEDGE_HORIZON_DAYS = 14;

/** A unit's actual against its target in a campaign; null when it has no target. */
export async function standing(campaignCode: string, unit: UnitRecord) {
  const target = await TargetModel.findOne({ campaignCode, unitCode: unit.code }).lean();
  if (!target) return null;
  const counts = await progressOf(campaignCode, unit.code);
  return { unit, target: target.target, actual: sumStatuses(counts) };
}

type CampaignDoc = NonNullable<Awaited<ReturnType<typeof runningCampaign>>>;

/** The campaign running for a unit (its own or an ancestor's), or null. */
export async function runningCampaign(unit: UnitRecord, now: Date) {
  const code = await activeCampaignFor([...unit.ancestors, unit.code], now);
  return code ? CampaignModel.findOne({ code }).lean() : null;
}

/** The unit's child units behind a steady pace, most behind first, each with its numbers. */
export async function laggingChildren(unit: UnitRecord, campaign: CampaignDoc, today: Date): Promise<Msg[]> {
  const children = (await Promise.all((await childrenOf(unit.code)).map((u) => standing(campaign.code, u)))).filter((s) => s !== null);
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
export async function weeklyDetails(unit: UnitRecord, now: Date): Promise<Msg[]> {
  const campaign = await runningCampaign(unit, now);
  if (!campaign) return [];
  const today = vietnamDay(now);
  const details: Msg[] = [];

  const parent = unit.ancestors.at(-1);
  if (parent) {
    const siblings = (await Promise.all((await childrenOf(parent)).map((u) => standing(campaign.code, u)))).filter((s) => s !== null);
    const ranked = siblings.sort((a, b) => b.actual / b.target - a.actual / a.target);
    const rank = ranked.findIndex((s) => s.unit.code === unit.code) + 1;
    if (rank > 0) details.push(msg('weekly-rank', { rank, of: ranked.length }));
  }

  details.push(...(await laggingChildren(unit, campaign, today)).slice(0, MAX_LISTED));

  const pledges = await PledgeModel.find({ unitCode: { $in: await subtreeOf(unit.code) }, dueDate: { $lte: new Date(today.getTime() + PLEDGE_HORIZON_DAYS * DAY) } })
    .sort({ dueDate: 1 })
    .limit(MAX_LISTED)
    .lean();
  for (const p of pledges) {
    const name = (await findUnit(p.unitCode))?.name ?? p.unitCode;
    details.push(msg('weekly-pledge', { unit: name, due: formatDay(p.dueDate), overdue: p.dueDate < today ? 'yes' : 'no' }));
  }
  return details;
}
