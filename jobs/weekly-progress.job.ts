import { msg } from '../src/core/i18n.js';
import type { Deps } from '../src/deps.js';
import { DEFAULT_PING, DEFAULT_QUIET, inQuietHours, pingDueThisWeek } from '../src/core/schedule.js';
import { enqueue, type Outgoing } from '../src/services/delivery.service.js';
import type { Reply } from '../src/core/reply.js';
import { allOfficers, privateChatsOf } from '../src/services/support.service.js';
import { findUnit } from '../src/services/units.service.js';
import { ProgressView } from '../src/services/progress-view.js';
import { markPingsQueued, pingsQueuedAlready } from '../src/services/weekly-pings.service.js';
import { isoWeek } from '../src/core/time.js';
import { progressReport } from '../handlers/support/progress-report.js';
import { weeklyDetails } from '../handlers/support/weekly-details.js';
import { progressChart } from '../handlers/support/progress-chart.js';
import { PROGRESS_BUTTON_PREFIX } from '../handlers/commands/progress.js';

/**
 * Each officer's weekly progress ping for each unit they serve, once per ISO week: sent at the first
 * run after their chosen day and time (default Monday 07:30), outside their quiet hours. A worker that
 * was down at 07:30 sends it when it comes back, once; a missed week is not piled up.
 *
 * A run reads the officers and their chats once; each unit's ping is built once, whatever number of
 * officers get it, from one shared progress view; what is left per officer is recording their delivery.
 */
export async function sendWeeklyPings(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const week = isoWeek(now);
  const due = (await allOfficers()).filter((o) => {
    const ping = o.ping ?? DEFAULT_PING;
    return !ping.off && now >= pingDueThisWeek(now, ping) && !inQuietHours(now, o.quiet ?? DEFAULT_QUIET);
  });
  const wanted = due.flatMap((officer) =>
    officer.roles.filter((r) => r.role === 'officer').map((r) => ({ officer, unitCode: r.unitCode, key: `weekly:${r.unitCode}:${String(officer._id)}:${week}` })),
  );
  const done = await pingsQueuedAlready(deps.redis, week, wanted.map((w) => w.key));
  const todo = wanted.filter((w) => !done.has(w.key));
  if (todo.length === 0) return 0;

  const chats = await privateChatsOf([...new Set(todo.map((w) => w.officer))]);
  const view = new ProgressView(deps.redis, now, { fanOut: true });
  const pings = new Map<string, Promise<Reply | null>>();
  const pingOf = (unitCode: string) => pings.get(unitCode) ?? pings.set(unitCode, weeklyPing(view, unitCode, week)).get(unitCode)!;
  const items: Outgoing[] = [];
  for (const { officer, unitCode, key } of todo) {
    const chat = chats.get(String(officer._id));
    if (!chat) {
      deps.log.warn({ member: String(officer._id) }, 'officer has no reachable messenger for the weekly ping');
      continue;
    }
    const reply = await pingOf(unitCode);
    if (reply) items.push({ key, ...chat, locale: officer.locale, reply, kind: 'notice', recipient: { memberId: String(officer._id), unitCode, quiet: officer.quiet ?? DEFAULT_QUIET } });
  }
  const queued = await enqueue(deps, items);
  await markPingsQueued(deps.redis, week, items.map((i) => i.key));
  return queued;
}

/** A unit's ping: its numbers, rank, lagging children and pledges, a "see details" button and the chart. */
async function weeklyPing(view: ProgressView, unitCode: string, week: string): Promise<Reply | null> {
  const unit = await findUnit(unitCode);
  const campaign = unit ? await view.campaignFor(unit) : null;
  const report = unit && campaign ? await progressReport(view, unit, campaign) : null;
  if (!unit || !campaign || !report) return null;
  const [details, chart] = await Promise.all([weeklyDetails(view, unit, campaign), progressChart(view, unit, campaign)]);
  return {
    parts: [msg('weekly-intro', { week }), report, ...details, msg('weekly-outro')],
    buttons: [[{ label: msg('weekly-btn-details'), data: `${PROGRESS_BUTTON_PREFIX}${unit.code}` }]],
    ...(chart ? { chart } : {}),
  };
}
