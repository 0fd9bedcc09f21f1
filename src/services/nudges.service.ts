import { NudgeModel } from '../models/index.js';
import { isDuplicateKey } from './errors.js';

/** A unit's latest nudges in a campaign, newest first: whether it is due another, and whether to tell the parent. */
export async function latestNudges(campaignCode: string, unitCode: string, count: number) {
  return NudgeModel.find({ campaignCode, unitCode }).sort({ at: -1 }).limit(count).lean();
}

/** Records a nudge under its key (campaign, unit, day); null when that key was recorded already. */
export async function recordNudge(n: { key: string; campaignCode: string; unitCode: string; at: Date; actual: number; expected: number }) {
  try {
    return await NudgeModel.create(n);
  } catch (err) {
    if (isDuplicateKey(err)) return null;
    throw err;
  }
}

export async function markNudgeEscalated(id: unknown, at: Date): Promise<void> {
  await NudgeModel.updateOne({ _id: id }, { $set: { escalatedAt: at } });
}
