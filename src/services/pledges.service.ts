import type { Types } from 'mongoose';
import { PledgeModel, PledgeSelfCheckModel } from '../models/index.js';

/** Pledges of these units due by `until` (overdue ones included), soonest first, at most `limit`. */
export async function pledgesDueBy(unitCodes: string[], until: Date, limit: number) {
  return PledgeModel.find({ unitCode: { $in: unitCodes }, dueDate: { $lte: until } })
    .sort({ dueDate: 1 })
    .limit(limit)
    .lean();
}

/** Pledges due on or after `since` (the daily reminders look a year back for overdue ones). */
export async function pledgesDueSince(since: Date) {
  return PledgeModel.find({ dueDate: { $gte: since } }).lean();
}

/** Whether the officer has done the self-check of a pledge `months` after signing. */
export async function selfCheckDone(pledgeId: Types.ObjectId, months: number): Promise<boolean> {
  return (await PledgeSelfCheckModel.exists({ pledgeId, months })) !== null;
}
