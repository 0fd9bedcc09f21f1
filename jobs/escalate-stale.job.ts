import { msg } from '../src/core/i18n.js';
import type { Deps } from '../src/deps.js';
import { InitiativeModel } from '../src/models/index.js';
import { OPEN } from '../src/services/workflow.service.js';
import { teamFor } from '../src/services/support.service.js';
import { findUnit } from '../src/services/units.service.js';
import { sendCards, unitName, updateCards } from '../handlers/support/notify.js';

export const ESCALATE_AFTER_HOURS = 48;
const BATCH = 500;

/**
 * Initiatives nobody took within 48 hours go up to the parent unit's team, once: their card is posted
 * there with a note, and the first team's card says where it went. Returns how many were escalated.
 */
export async function escalateStale(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - ESCALATE_AFTER_HOURS * 3_600_000);
  const stale = await InitiativeModel.find({ status: { $in: OPEN }, assigneeId: null, escalatedAt: null, submittedAt: { $lt: cutoff } })
    .sort({ submittedAt: 1 })
    .limit(BATCH)
    .lean();
  let escalated = 0;
  for (const i of stale) {
    const from = i.routedTo ?? i.unitCode;
    const parent = (await findUnit(from))?.ancestors.at(-1);
    const team = parent ? await teamFor(parent) : null;
    await InitiativeModel.updateOne({ _id: i._id }, { $set: { escalatedAt: now, ...(team ? { routedTo: team.unitCode } : {}) } });
    if (!team) {
      deps.log.warn({ code: i.code, unit: from }, 'nobody took it in time and there is no team above to escalate to');
      continue;
    }
    const moved = { ...i, routedTo: team.unitCode, escalatedAt: now };
    await updateCards(deps, moved, [msg('card-escalated-away', { unit: await unitName(team.unitCode), hours: ESCALATE_AFTER_HOURS })]);
    await sendCards(deps, moved, team, [msg('card-escalated', { unit: await unitName(from), hours: ESCALATE_AFTER_HOURS })], 'escalated');
    escalated++;
  }
  return escalated;
}
