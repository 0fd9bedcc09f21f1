import { msg } from '../src/core/i18n.js';
import type { Deps } from '../src/deps.js';
import { holders, toEach } from './recipients.js';
import { progressReport } from '../handlers/support/progress-report.js';
import { daysLeft, expectedByPace, isLagging } from '../src/core/time.js';
import { enqueue } from '../src/services/delivery.service.js';
import { latestNudges, markNudgeEscalated, recordNudge } from '../src/services/nudges.service.js';
import { sumStatuses } from '../src/services/progress.service.js';
import { allTargetsOf, campaignsEndedWithin, campaignsRunning } from '../src/services/campaigns.service.js';
import { ProgressView } from '../src/services/progress-view.js';
import { findUnit, type UnitRecord } from '../src/services/units.service.js';
import type { Reply } from '../src/core/reply.js';
import { vietnamDay } from '../src/core/time.js';

const DAY = 86_400_000;
/** How long after its end a campaign's final report may still go out (a worker that was down). */
const FINAL_REPORT_DAYS = 30;

/**
 * Daily: every unit with a target in a running campaign is checked against a steady pace. A lagging
 * unit's officers and support team get a concrete nudge, at most once in `nudgeEveryDays`; when its
 * last two nudges went unanswered for a day, the parent unit's officers are told, once. Once a campaign
 * has ended, its units' officers get a final report instead.
 */
export async function nudgeLaggingUnits(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const today = vietnamDay(now);
  const view = new ProgressView(deps.redis, now, { fanOut: true });
  let nudged = 0;
  for (const c of await campaignsRunning(now)) {
    const targets = await allTargetsOf(c.code);
    const units = (await Promise.all([...targets.keys()].map(findUnit))).filter((u): u is UnitRecord => u !== null);
    const counts = await view.countsOf(c.code, units.map((u) => u.code));
    for (const [i, unit] of units.entries()) {
      const target = targets.get(unit.code)!;
      const actual = sumStatuses(counts[i]!);
      const expected = expectedByPace(target, c.startDate, c.endDate, today, c.phases);
      // The unit's last two nudges answer both questions: is another due, and should the parent hear of it.
      const [latest, previous] = await latestNudges(c.code, unit.code, 2);
      const due = !latest || today.getTime() - vietnamDay(latest.at).getTime() >= c.nudgeEveryDays * DAY;
      if (isLagging(actual, expected, c.lagThreshold) && due) {
        if (await nudge(deps, { campaign: c.code, unit, today, actual, expected, target, days: daysLeft(c.endDate, today) })) nudged++;
        continue; // nudged today (here or by another worker): nothing has gone unanswered for a day yet
      }
      if (latest && previous) await escalateUnanswered(deps, unit, latest, previous);
    }
  }
  await sendFinalReports(deps, view);
  return nudged;
}

/** A campaign that ended nudges no more: each targeted unit's officers get its final numbers, once. */
async function sendFinalReports(deps: Deps, view: ProgressView): Promise<void> {
  for (const c of await campaignsEndedWithin(view.now, FINAL_REPORT_DAYS)) {
    for (const unitCode of (await allTargetsOf(c.code)).keys()) {
      const unit = await findUnit(unitCode);
      const report = unit ? await progressReport(view, unit, c) : null;
      if (!unit || !report) continue;
      await enqueue(deps, toEach(await holders(unit.code, ['officer']), `final:${c.code}:${unit.code}`, { parts: [msg('campaign-final', { campaign: c.name }), report] }));
    }
  }
}

async function nudge(
  deps: Deps,
  n: { campaign: string; unit: UnitRecord; today: Date; actual: number; expected: number; target: number; days: number },
): Promise<boolean> {
  // One per unit and day: two workers running the check at once create it once.
  const key = `${n.campaign}:${n.unit.code}:${n.today.toISOString().slice(0, 10)}`;
  const created = await recordNudge({ key, campaignCode: n.campaign, unitCode: n.unit.code, at: deps.clock.now(), actual: n.actual, expected: n.expected });
  if (!created) return false;
  const reply: Reply = {
    parts: [msg('nudge', { unit: n.unit.name, actual: n.actual, expected: n.expected, target: n.target, gap: n.expected - n.actual, days: n.days })],
    buttons: [[{ label: msg('nudge-btn-ack'), data: `n:${String(created._id)}` }]],
  };
  await enqueue(deps, toEach(await holders(n.unit.code, ['officer', 'support']), `nudge:${key}`, reply));
  return true;
}

type NudgeRecord = Awaited<ReturnType<typeof latestNudges>>[number];

async function escalateUnanswered(deps: Deps, unit: UnitRecord, latest: NudgeRecord, previous: NudgeRecord): Promise<void> {
  const now = deps.clock.now();
  if (latest.answeredAt || previous.answeredAt || latest.escalatedAt) return;
  if (now.getTime() - latest.at.getTime() < DAY) return;
  const parent = unit.ancestors.at(-1);
  if (!parent) return;
  await markNudgeEscalated(latest._id, now);
  const reply: Reply = { parts: [msg('nudge-parent', { unit: unit.name, actual: latest.actual, expected: latest.expected })] };
  await enqueue(deps, toEach(await holders(parent, ['officer']), `nudge-parent:${latest.key}`, reply));
}
