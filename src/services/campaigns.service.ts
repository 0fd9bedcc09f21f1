import { CampaignModel, TargetModel } from '../models/index.js';
import { vietnamDay, DAY_MS } from '../core/time.js';

export type CampaignRecord = Awaited<ReturnType<typeof campaignsRunning>>[number];

/** The campaigns running on `now`'s Vietnam day, the one that started last first. */
export async function campaignsRunning(now: Date) {
  const today = vietnamDay(now);
  return CampaignModel.find({ startDate: { $lte: today }, endDate: { $gte: today } })
    .sort({ startDate: -1 })
    .lean();
}

/**
 * Of the running campaigns, the one a unit's initiatives count towards: the one that gave the unit or
 * one of its ancestors a target, else the one that started last.
 */
export async function campaignForPath(running: CampaignRecord[], unitPath: string[]): Promise<CampaignRecord | null> {
  if (running.length <= 1) return running[0] ?? null;
  const targeted = await TargetModel.find({
    campaignCode: { $in: running.map((c) => c.code) },
    unitCode: { $in: unitPath },
  }).lean();
  return running.find((c) => targeted.some((t) => t.campaignCode === c.code)) ?? running[0] ?? null;
}

/** The campaign a new initiative counts towards (see campaignForPath), or null when none runs. */
export async function activeCampaignFor(unitPath: string[], now: Date): Promise<string | null> {
  return (await campaignForPath(await campaignsRunning(now), unitPath))?.code ?? null;
}

/** Campaigns that ended within `days` before today (their final reports may still be due). */
export async function campaignsEndedWithin(now: Date, days: number) {
  const today = vietnamDay(now);
  return CampaignModel.find({ endDate: { $lt: today, $gte: new Date(today.getTime() - days * DAY_MS) } }).lean();
}

/** Some units' targets in a campaign, by unit (units without one are left out): one query. */
export async function targetsOf(campaignCode: string, units: string[]): Promise<Map<string, number>> {
  if (units.length === 0) return new Map();
  const found = await TargetModel.find({ campaignCode, unitCode: { $in: units } }).lean();
  return new Map(found.map((t) => [t.unitCode, t.target]));
}

/** Every target of a campaign, by unit. */
export async function allTargetsOf(campaignCode: string): Promise<Map<string, number>> {
  return new Map((await TargetModel.find({ campaignCode }).lean()).map((t) => [t.unitCode, t.target]));
}
