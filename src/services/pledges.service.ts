import { CALLBACKS } from '../core/callback-data.js';
import { Types } from 'mongoose';
import { PledgeModel, PledgeSelfCheckModel, SELF_CHECK_STATES } from '../models/index.js';
import { insertOnce } from '../core/insert-once.js';
import { msg } from '../core/i18n.js';
import { formatDay, vietnamDay, DAY_MS } from '../core/time.js';
import { enqueue, type Outgoing, type DeliveryDeps } from './delivery.service.js';
import { findUnit } from './units.service.js';
import { holders, toEach } from './recipients.service.js';

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

export { SELF_CHECK_STATES };

/** A unit's pledges, soonest due first. */
export async function pledgesOf(unitCode: string) {
  return PledgeModel.find({ unitCode }).sort({ dueDate: 1 }).lean();
}

export async function findPledge(id: string) {
  return Types.ObjectId.isValid(id) ? PledgeModel.findById(id).lean() : null;
}

/** A pledge's self-check at 6 or 12 months: when it falls due, and what the officer reported (null: not yet). */
export interface SelfCheckState {
  months: number;
  due: Date;
  done: { at: Date; results: { text: string; state: string; note: string }[] } | null;
}

/** The pledges of these units, soonest due first (at most `limit`), each with its self-checks' states. */
export async function pledgesWithSelfChecks(unitCodes: string[], limit: number) {
  const pledges = await PledgeModel.find({ unitCode: { $in: unitCodes } })
    .sort({ dueDate: 1 })
    .limit(limit)
    .lean();
  const checks =
    pledges.length > 0 ? await PledgeSelfCheckModel.find({ pledgeId: { $in: pledges.map((p) => p._id) } }).lean() : [];
  return pledges.map((p) => ({
    ...p,
    selfChecks: SELF_CHECK_MONTHS.map((months): SelfCheckState => {
      const done = checks.find((c) => c.pledgeId.equals(p._id) && c.months === months);
      return {
        months,
        due: selfCheckDay(p.signedAt, months),
        done: done
          ? {
              at: done.at,
              results: done.results.map((r) => ({ text: r.text ?? '', state: r.state ?? '', note: r.note })),
            }
          : null,
      };
    }),
  }));
}

/** Records a pledge once per completed flow (`submissionKey`): a retried answer stores nothing more. */
export async function recordPledge(p: {
  unitCode: string;
  campaignCode: string;
  commitments: string[];
  dueDate: Date;
  createdBy: Types.ObjectId;
  signedAt: Date;
  submissionKey: string;
}): Promise<void> {
  await insertOnce(PledgeModel, { ...p, commitments: p.commitments.map((text) => ({ text })) });
}

/** Records the 6- or 12-month self-check of a pledge; false when that one was recorded already. */
export async function recordSelfCheck(c: {
  pledgeId: string;
  months: number;
  at: Date;
  by: Types.ObjectId;
  results: { text: string; state: string; note: string }[];
}): Promise<boolean> {
  return insertOnce(PledgeSelfCheckModel, { ...c, pledgeId: new Types.ObjectId(c.pledgeId) });
}

/** Reminders before the due day: 14, 7 and 1 days before, and on the day. */
const STAGES = [0, 1, 7, 14];
/** After this many days overdue, the parent unit's officers hear of it too. */
const PARENT_AFTER_DAYS = 14;

/**
 * Daily: pledge reminders to the unit's officers as the due day comes (each stage once, also when a day
 * was missed), then weekly while overdue; after two weeks overdue, to the parent's officers as well.
 * Six and twelve months after signing, the officer is asked for a self-check of every commitment.
 */
export async function remindPledges(deps: DeliveryDeps): Promise<number> {
  const today = vietnamDay(deps.clock.now());
  const items: Outgoing[] = [];
  for (const p of await pledgesDueSince(new Date(today.getTime() - 365 * DAY_MS))) {
    const unit = await findUnit(p.unitCode);
    if (!unit) continue;
    const days = Math.round((p.dueDate.getTime() - today.getTime()) / DAY_MS);
    const vars = { unit: unit.name, due: formatDay(p.dueDate), days: Math.abs(days), count: p.commitments.length };
    const id = String(p._id);
    items.push(...(await selfChecksDue(p, unit.name, today)));
    if (days >= 0) {
      const stage = STAGES.find((s) => days <= s);
      if (stage === undefined) continue;
      items.push(
        ...toEach(await holders(unit.code, ['officer']), `pledge:${id}:s${stage}`, {
          parts: [msg('pledge-reminder', vars), msg('pledge-see')],
        }),
      );
      continue;
    }
    const weeks = Math.floor((-days - 1) / 7);
    items.push(
      ...toEach(await holders(unit.code, ['officer']), `pledge:${id}:o${weeks}`, {
        parts: [msg('pledge-overdue', vars), msg('pledge-see')],
      }),
    );
    const parent = unit.ancestors.at(-1);
    if (-days >= PARENT_AFTER_DAYS && parent) {
      const parentWeeks = Math.floor((-days - PARENT_AFTER_DAYS) / 7);
      items.push(
        ...toEach(await holders(parent, ['officer']), `pledge-parent:${id}:o${parentWeeks}`, {
          parts: [msg('pledge-overdue-parent', vars)],
        }),
      );
    }
  }
  return enqueue(deps, items);
}

/** Months after signing when the officer reports on each commitment. */
const SELF_CHECK_MONTHS = [6, 12] as const;

/** The Vietnam day a self-check falls due: `months` after signing. */
function selfCheckDay(signedAt: Date, months: number): Date {
  const due = new Date(signedAt);
  due.setUTCMonth(due.getUTCMonth() + months);
  return vietnamDay(due);
}

async function selfChecksDue(
  p: { _id: Types.ObjectId; unitCode: string; signedAt: Date },
  unit: string,
  today: Date,
): Promise<Outgoing[]> {
  const items: Outgoing[] = [];
  for (const months of SELF_CHECK_MONTHS) {
    if (today < selfCheckDay(p.signedAt, months) || (await selfCheckDone(p._id, months))) continue;
    const reply = {
      parts: [msg('selfcheck-reminder', { unit, months })],
      buttons: [
        [{ label: msg('selfcheck-btn-start'), data: CALLBACKS.selfCheck.pack({ pledgeId: String(p._id), months }) }],
      ],
    };
    items.push(...toEach(await holders(p.unitCode, ['officer']), `selfcheck:${String(p._id)}:${months}`, reply));
  }
  return items;
}
