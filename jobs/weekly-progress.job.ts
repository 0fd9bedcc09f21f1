import { msg } from '../src/i18n.js';
import type { Deps } from '../src/deps.js';
import { MemberModel } from '../src/models/index.js';
import { DEFAULT_PING, DEFAULT_QUIET, inQuietHours, pingDueThisWeek } from '../src/schedule.js';
import { enqueue, isRecorded, type Outgoing } from '../src/services/delivery.service.js';
import type { Reply } from '../src/channels/types.js';
import { privateChatOf } from '../src/services/support.service.js';
import { findUnit } from '../src/services/units.service.js';
import { isoWeek } from '../src/vietnam-time.js';
import { progressReport } from '../handlers/support/progress-report.js';
import { weeklyDetails } from '../handlers/support/weekly-details.js';
import { progressChart } from '../handlers/support/progress-chart.js';
import { PROGRESS_BUTTON_PREFIX } from '../handlers/commands/progress.js';

/**
 * Each officer's weekly progress ping for each unit they serve, once per ISO week: sent at the first
 * run after their chosen day and time (default Monday 07:30), outside their quiet hours. A worker that
 * was down at 07:30 sends it when it comes back, once; a missed week is not piled up.
 */
export async function sendWeeklyPings(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const week = isoWeek(now);
  const officers = await MemberModel.find({ 'roles.role': 'officer' }).lean();
  // Every officer of a unit gets the same ping: built once per unit and run.
  const pings = new Map<string, Promise<Reply | null>>();
  const pingOf = (unitCode: string) => pings.get(unitCode) ?? pings.set(unitCode, weeklyPing(unitCode, now, week)).get(unitCode)!;
  const items: Outgoing[] = [];
  for (const officer of officers) {
    const ping = officer.ping ?? DEFAULT_PING;
    if (ping.off || now < pingDueThisWeek(now, ping) || inQuietHours(now, officer.quiet ?? DEFAULT_QUIET)) continue;
    const chat = await privateChatOf(officer._id);
    if (!chat) {
      deps.log.warn({ member: String(officer._id) }, 'officer has no reachable messenger for the weekly ping');
      continue;
    }
    for (const role of officer.roles.filter((r) => r.role === 'officer')) {
      const key = `weekly:${role.unitCode}:${String(officer._id)}:${week}`;
      if (await isRecorded(key)) continue;
      const reply = await pingOf(role.unitCode);
      if (reply) items.push({ key, ...chat, locale: officer.locale, reply, kind: 'notice', recipient: { memberId: String(officer._id), unitCode: role.unitCode } });
    }
  }
  return enqueue(deps, items);
}

/** A unit's ping: its numbers, rank, lagging children and pledges, a "see details" button and the chart. */
async function weeklyPing(unitCode: string, now: Date, week: string): Promise<Reply | null> {
  const unit = await findUnit(unitCode);
  const report = unit ? await progressReport(unit, now) : null;
  if (!unit || !report) return null;
  const chart = await progressChart(unit, now);
  return {
    parts: [msg('weekly-intro', { week }), report, ...(await weeklyDetails(unit, now)), msg('weekly-outro')],
    buttons: [[{ label: msg('weekly-btn-details'), data: `${PROGRESS_BUTTON_PREFIX}${unit.code}` }]],
    ...(chart ? { chart } : {}),
  };
}
