import type { Redis } from 'ioredis';
import { msg } from '../core/i18n.js';
import { DEFAULT_PING, DEFAULT_QUIET, inQuietHours, pingDueThisWeek } from '../core/schedule.js';
import { enqueue, type Outgoing, type DeliveryDeps } from './delivery.service.js';
import type { Reply } from '../core/reply.js';
import { allOfficers, privateChatsOf } from './support.service.js';
import { findUnit } from './units.service.js';
import { ProgressView, progressReport, weeklyDetails, progressCharts } from './progress-report.service.js';
import { isoWeek } from '../core/time.js';
import type { MemberRecord } from './members.service.js';
import { CALLBACKS } from '../core/callback-data.js';

/**
 * Which weekly pings were queued this ISO week, in a Redis set: one round trip tells a run of the
 * weekly-progress job (every 15 minutes, all week) which officers are done, instead of a database
 * lookup per officer. Only a shortcut: the delivery's unique key still keeps a ping from going twice
 * should Redis have lost the set.
 */

const setOf = (week: string) => `weekly-pings:${week}`;
/** Kept a little longer than the week it is about. */
const KEEP_SECONDS = 9 * 24 * 60 * 60;

export async function pingsQueuedAlready(redis: Redis, week: string, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const member = await redis.smismember(setOf(week), ...keys);
  return new Set(keys.filter((_, i) => member[i] === 1));
}

export async function markPingsQueued(redis: Redis, week: string, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await redis
    .multi()
    .sadd(setOf(week), ...keys)
    .expire(setOf(week), KEEP_SECONDS)
    .exec();
}

/** Officers whose pings are queued together (see sendWeeklyPings). */
const CHUNK = 500;

/**
 * Each officer's weekly progress ping for each unit they serve, once per ISO week: sent at the first
 * run after their chosen day and time (default Monday 07:30), outside their quiet hours. A worker that
 * was down at 07:30 sends it when it comes back, once; a missed week is not piled up.
 *
 * A run reads the officers and their chats once; each unit's ping is built once, whatever number of
 * officers get it, from one shared progress view; what is left per officer is recording their delivery.
 */
export async function sendWeeklyPings(deps: DeliveryDeps): Promise<number> {
  const now = deps.clock.now();
  const week = isoWeek(now);
  const due = (await allOfficers()).filter((o) => {
    const ping = o.ping ?? DEFAULT_PING;
    return !ping.off && now >= pingDueThisWeek(now, ping) && !inQuietHours(now, o.quiet ?? DEFAULT_QUIET);
  });
  const wanted = due.flatMap((officer) =>
    officer.roles
      .filter((r) => r.role === 'officer')
      .map((r) => ({ officer, unitCode: r.unitCode, key: `weekly:${r.unitCode}:${String(officer._id)}:${week}` })),
  );
  const done = await pingsQueuedAlready(
    deps.redis,
    week,
    wanted.map((w) => w.key),
  );
  const todo = wanted.filter((w) => !done.has(w.key));
  if (todo.length === 0) return 0;

  const view = new ProgressView(deps.redis, now, { fanOut: true });
  const pings = new Map<string, Promise<Reply | null>>();
  const pingOf = (unitCode: string) =>
    pings.get(unitCode) ?? pings.set(unitCode, weeklyPing(view, unitCode, week)).get(unitCode)!;
  // A chunk at a time: a 20,000-officer run holds 500 officers' chats and deliveries at once, not all of
  // them, and what was queued is marked as it goes (a run stopped half-way leaves the rest to the next).
  let queued = 0;
  for (let i = 0; i < todo.length; i += CHUNK) queued += await queueChunk(deps, todo.slice(i, i + CHUNK), pingOf, week);
  return queued;
}

async function queueChunk(
  deps: DeliveryDeps,
  todo: { officer: MemberRecord; unitCode: string; key: string }[],
  pingOf: (unitCode: string) => Promise<Reply | null>,
  week: string,
): Promise<number> {
  const chats = await privateChatsOf([...new Set(todo.map((w) => w.officer))]);
  const items: Outgoing[] = [];
  for (const { officer, unitCode, key } of todo) {
    const chat = chats.get(String(officer._id));
    if (!chat) {
      deps.log.warn({ member: String(officer._id) }, 'officer has no reachable messenger for the weekly ping');
      continue;
    }
    const reply = await pingOf(unitCode);
    if (reply)
      items.push({
        key,
        ...chat,
        locale: officer.locale,
        reply,
        kind: 'notice',
        recipient: { memberId: String(officer._id), unitCode, quiet: officer.quiet ?? DEFAULT_QUIET },
      });
  }
  const queued = await enqueue(deps, items);
  await markPingsQueued(
    deps.redis,
    week,
    items.map((i) => i.key),
  );
  return queued;
}

/**
 * A unit's ping: its numbers, rank, lagging children and pledges, a "see details" button and, for a unit
 * with child units to chart, both charts. A grassroots union's ping stays one message: a reply of several
 * messages that meets Telegram 429s beyond the API's own retries is queued again whole, so its first
 * messages can arrive twice; its trend is one tap away (/progress, the "see details" button).
 */
async function weeklyPing(view: ProgressView, unitCode: string, week: string): Promise<Reply | null> {
  const unit = await findUnit(unitCode);
  const campaign = unit ? await view.campaignFor(unit) : null;
  const report = unit && campaign ? await progressReport(view, unit, campaign) : null;
  if (!unit || !campaign || !report) return null;
  const [details, all] = await Promise.all([weeklyDetails(view, unit, campaign), progressCharts(view, unit, campaign)]);
  const charts = all.some((c) => c.kind === 'units') ? all : [];
  return {
    parts: [msg('weekly-intro', { week }), report, ...details, msg('weekly-outro')],
    // The same as /progress for its unit (on Zalo, tapping it also keeps the OA's reply window open).
    buttons: [[{ label: msg('weekly-btn-details'), data: CALLBACKS.progress.pack({ unitCode: unit.code }) }]],
    ...(charts.length > 0 ? { charts } : {}),
  };
}
