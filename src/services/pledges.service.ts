import { PledgeModel } from '../models/index.js';

/** Pledges of these units due by `until` (overdue ones included), soonest first, at most `limit`. */
export async function pledgesDueBy(unitCodes: string[], until: Date, limit: number) {
  return PledgeModel.find({ unitCode: { $in: unitCodes }, dueDate: { $lte: until } })
    .sort({ dueDate: 1 })
    .limit(limit)
    .lean();
}
