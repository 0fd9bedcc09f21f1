import { CampaignModel, TargetModel } from '../models/index.js';
import { vietnamDay } from '../vietnam-time.js';

/**
 * The campaign a new initiative counts towards: one running today (Vietnam time), preferring one that
 * gave the unit or one of its ancestors a target, then the one that started last.
 */
export async function activeCampaignFor(unitPath: string[], now: Date): Promise<string | null> {
  const today = vietnamDay(now);
  const running = await CampaignModel.find({ startDate: { $lte: today }, endDate: { $gte: today } })
    .sort({ startDate: -1 })
    .lean();
  if (running.length <= 1) return running[0]?.code ?? null;
  const targeted = await TargetModel.find({
    campaignCode: { $in: running.map((c) => c.code) },
    unitCode: { $in: unitPath },
  }).lean();
  const withTarget = running.find((c) => targeted.some((t) => t.campaignCode === c.code));
  return (withTarget ?? running[0])?.code ?? null;
}
