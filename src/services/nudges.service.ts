import { CALLBACKS } from '../core/callback-data.js';
import { Types } from 'mongoose';
import { NudgeModel } from '../models/index.js';
import { isDuplicateKey } from '../core/insert-once.js';
import { msg } from '../core/i18n.js';
import { holders, toEach } from './recipients.service.js';
import { membersWithRoles } from './support.service.js';
import { progressReport, ProgressView } from './progress-report.service.js';
import { daysLeft, expectedByPace, isLagging, vietnamDay, DAY_MS } from '../core/time.js';
import { enqueue, type DeliveryDeps } from './delivery.service.js';
import { sumStatuses } from './progress.service.js';
import { allTargetsOf, campaignsEndedWithin, campaignsRunning } from './campaigns.service.js';
import { findUnit, type UnitRecord } from './units.service.js';
import type { Reply } from '../core/reply.js';

/** A unit's latest nudges in a campaign, newest first: whether it is due another, and whether to tell the parent. */
export async function latestNudges(campaignCode: string, unitCode: string, count: number) {
  return NudgeModel.find({ campaignCode, unitCode }).sort({ at: -1 }).limit(count).lean();
}

/** Records a nudge under its key (campaign, unit, day); null when that key was recorded already. */
export async function recordNudge(n: {
  key: string;
  campaignCode: string;
  unitCode: string;
  at: Date;
  actual: number;
  expected: number;
  reached: number;
}) {
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

export async function findNudge(id: string) {
  return Types.ObjectId.isValid(id) ? NudgeModel.findById(id).lean() : null;
}

/** "Got it" on a nudge: it counts as answered (the first answer's time is kept). */
export async function markNudgeAnswered(id: Types.ObjectId, at: Date): Promise<void> {
  await NudgeModel.updateOne({ _id: id, answeredAt: null }, { $set: { answeredAt: at } });
}

/** How long after its end a campaign's final report may still go out (a worker that was down). */
const FINAL_REPORT_DAYS = 30;

/**
 * Daily: every unit with a target in a running campaign is checked against a steady pace. A lagging
 * unit's officers and support team get a concrete nudge, at most once in `nudgeEveryDays`; when its
 * last two nudges went unanswered for a day, the parent unit's officers are told, once. A unit with
 * nobody the bot can nudge is not said to leave nudges unanswered: its parent's officers are told that
 * it has nobody, once per campaign. Once a campaign has ended, its units' officers get a final report
 * instead.
 */
export async function nudgeLaggingUnits(deps: DeliveryDeps): Promise<number> {
  const now = deps.clock.now();
  const today = vietnamDay(now);
  const view = new ProgressView(deps.redis, now, { fanOut: true });
  let nudged = 0;
  for (const c of await campaignsRunning(now)) {
    const targets = await allTargetsOf(c.code);
    const units = (await Promise.all([...targets.keys()].map(findUnit))).filter((u): u is UnitRecord => u !== null);
    const counts = await view.countsOf(
      c.code,
      units.map((u) => u.code),
    );
    for (const [i, unit] of units.entries()) {
      const target = targets.get(unit.code)!;
      const actual = sumStatuses(counts[i]!);
      const expected = expectedByPace(target, c.startDate, c.endDate, today, c.phases);
      // The unit's last two nudges answer both questions: is another due, and should the parent hear of it.
      const [latest, previous] = await latestNudges(c.code, unit.code, 2);
      const due = !latest || today.getTime() - vietnamDay(latest.at).getTime() >= c.nudgeEveryDays * DAY_MS;
      if (isLagging(actual, expected, c.lagThreshold) && due) {
        if (
          await nudge(deps, {
            campaign: c.code,
            unit,
            today,
            actual,
            expected,
            target,
            days: daysLeft(c.endDate, today),
          })
        )
          nudged++;
        continue; // nudged today (here or by another worker): nothing has gone unanswered for a day yet
      }
      if (latest && previous) await escalateUnanswered(deps, unit, latest, previous);
    }
  }
  await sendFinalReports(deps, view);
  return nudged;
}

/** A campaign that ended nudges no more: each targeted unit's officers get its final numbers, once. */
async function sendFinalReports(deps: DeliveryDeps, view: ProgressView): Promise<void> {
  for (const c of await campaignsEndedWithin(view.now, FINAL_REPORT_DAYS)) {
    for (const unitCode of (await allTargetsOf(c.code)).keys()) {
      const unit = await findUnit(unitCode);
      const report = unit ? await progressReport(view, unit, c) : null;
      if (!unit || !report) continue;
      await enqueue(
        deps,
        toEach(await holders(unit.code, ['officer']), `final:${c.code}:${unit.code}`, {
          parts: [msg('campaign-final', { campaign: c.name }), report],
        }),
      );
    }
  }
}

async function nudge(
  deps: DeliveryDeps,
  n: {
    campaign: string;
    unit: UnitRecord;
    today: Date;
    actual: number;
    expected: number;
    target: number;
    days: number;
  },
): Promise<boolean> {
  // Each reads a suggestion meant for them: the team collects ideas, an officer asks the team to.
  const support = await holders(n.unit.code, ['support']);
  const officers = (await holders(n.unit.code, ['officer'])).filter((o) => !support.some((s) => s.id === o.id));
  // One per unit and day: two workers running the check at once create it once.
  const key = `${n.campaign}:${n.unit.code}:${n.today.toISOString().slice(0, 10)}`;
  const created = await recordNudge({
    key,
    campaignCode: n.campaign,
    unitCode: n.unit.code,
    at: deps.clock.now(),
    actual: n.actual,
    expected: n.expected,
    reached: support.length + officers.length,
  });
  if (!created) return false;
  if (created.reached === 0) {
    await tellParentNobody(deps, n);
    return false;
  }
  const reply = (reader: 'officer' | 'support'): Reply => ({
    parts: [
      msg('nudge', {
        unit: n.unit.name,
        actual: n.actual,
        expected: n.expected,
        target: n.target,
        gap: n.expected - n.actual,
        days: n.days,
        reader,
      }),
    ],
    buttons: [[{ label: msg('nudge-btn-ack'), data: CALLBACKS.nudge.pack({ nudgeId: String(created._id) }) }]],
  });
  await enqueue(deps, [
    ...toEach(support, `nudge:${key}`, reply('support')),
    ...toEach(officers, `nudge:${key}`, reply('officer')),
  ]);
  return true;
}

/**
 * A lagging unit with no officer or support member the bot can write to (none has the role, or none has
 * ever written to the bot): nobody was nudged, so its parent's officers are told that, once per campaign.
 */
async function tellParentNobody(
  deps: DeliveryDeps,
  n: { campaign: string; unit: UnitRecord; actual: number; expected: number },
): Promise<void> {
  const parent = n.unit.ancestors.at(-1);
  if (!parent) return;
  const withRoles = await membersWithRoles(n.unit.code, ['officer', 'support']);
  const reply: Reply = {
    parts: [
      msg('nudge-parent-nobody', {
        unit: n.unit.name,
        actual: n.actual,
        expected: n.expected,
        why: withRoles.length === 0 ? 'none' : 'silent',
      }),
    ],
  };
  await enqueue(deps, toEach(await holders(parent, ['officer']), `nudge-nobody:${n.campaign}:${n.unit.code}`, reply));
}

type NudgeRecord = Awaited<ReturnType<typeof latestNudges>>[number];

async function escalateUnanswered(
  deps: DeliveryDeps,
  unit: UnitRecord,
  latest: NudgeRecord,
  previous: NudgeRecord,
): Promise<void> {
  const now = deps.clock.now();
  if (latest.answeredAt || previous.answeredAt || latest.escalatedAt) return;
  // Only nudges someone received can go unanswered (a record from before `reached` was kept counts as received).
  if (latest.reached === 0 || previous.reached === 0) return;
  if (now.getTime() - latest.at.getTime() < DAY_MS) return;
  const parent = unit.ancestors.at(-1);
  if (!parent) return;
  await markNudgeEscalated(latest._id, now);
  const reply: Reply = {
    parts: [msg('nudge-parent', { unit: unit.name, actual: latest.actual, expected: latest.expected })],
  };
  await enqueue(deps, toEach(await holders(parent, ['officer']), `nudge-parent:${latest.key}`, reply));
}
