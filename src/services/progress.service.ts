import type { Redis } from 'ioredis';
import type { Types } from 'mongoose';
import { counterId, ProgressCounterModel, ProgressEntryModel, type InitiativeStatus } from '../models/index.js';
import { isoWeek, vietnamQuarter } from '../core/time.js';
import { insertOnce } from '../core/insert-once.js';

/**
 * Progress counters per campaign and unit (its whole subtree), kept current without reading initiatives,
 * at a cost that does not grow with the campaign:
 * - every submission and status change inserts one entry under a unique _id (counted exactly once, even
 *   when retried) and lists it as pending in Redis, with its deltas summed per unit (below);
 * - the fold (progress-fold.service.ts) takes pending entries from that list (never a scan) and adds them into the units' counter
 *   documents, one folder at a time (a Redis lock), so no two writers ever update one counter at once
 *   (FerretDB 1.x loses concurrent updates of one document, FerretDB#3040);
 * - a read is the unit's counter document (by _id) plus its pending deltas in Redis.
 */

export const statusMetric = (s: InitiativeStatus): string => `status:${s}`;
export const weekMetric = (week: string): string => `week:${week}`;
export const quarterMetric = (quarter: string): string => `quarter:${quarter}`;

/**
 * Statuses that count as an initiative of the campaign: all but withdrawn and merged (a duplicate that
 * joined the initiative it repeats). Only those count in the week and quarter metrics too (this week's
 * submissions, the cluster rankings): an initiative that leaves them is taken out of its week and quarter.
 */
const COUNTED: InitiativeStatus[] = [
  'submitted',
  'in_review',
  'needs_info',
  'accepted',
  'recognized',
  'replicated',
  'rejected',
];
export const isCounted = (s: InitiativeStatus): boolean => COUNTED.includes(s);

/** The sum of some statuses' counts (by default, every initiative that counts). */
export const sumStatuses = (counts: Map<string, number>, statuses: InitiativeStatus[] = COUNTED): number =>
  statuses.reduce((n, s) => n + (counts.get(statusMetric(s)) ?? 0), 0);

interface Placed {
  _id: Types.ObjectId;
  campaignCode?: string | null;
  unitCode: string;
  unitAncestors: string[];
}

/** Inserts the entry (once) and lists it as pending; a retry whose entry was folded already changes nothing. */
async function record(redis: Redis, entry: PendingEntry): Promise<void> {
  if (
    !(await insertOnce(ProgressEntryModel, {
      _id: entry.id,
      campaignCode: entry.campaignCode,
      units: entry.units,
      changes: entry.changes,
    }))
  ) {
    // Written before (a retry): list it only if it is still unfolded (the first write may have died before listing it).
    const stored = await ProgressEntryModel.findById(entry.id, { folded: 1 }).lean();
    if (stored?.folded !== false) return;
  }
  await track(redis, entry);
}

const entryOf = (i: Placed, rev: number, changes: PendingEntry['changes']): PendingEntry | null =>
  i.campaignCode
    ? { id: `${String(i._id)}:${rev}`, campaignCode: i.campaignCode, units: [...i.unitAncestors, i.unitCode], changes }
    : null;

/** The week and quarter an initiative was submitted in, as metrics. */
export const periodMetrics = (submittedAt: Date): string[] => [
  weekMetric(isoWeek(submittedAt)),
  quarterMetric(vietnamQuarter(submittedAt)),
];

export async function recordSubmission(redis: Redis, i: Placed & { submittedAt: Date }): Promise<void> {
  const entry = entryOf(i, 0, [
    { metric: statusMetric('submitted'), delta: 1 },
    ...periodMetrics(i.submittedAt).map((metric) => ({ metric, delta: 1 })),
  ]);
  if (entry) await record(redis, entry);
}

export async function recordTransition(
  redis: Redis,
  i: Placed & { submittedAt: Date },
  rev: number,
  from: InitiativeStatus,
  to: InitiativeStatus,
): Promise<void> {
  if (from === to) return;
  // Leaving (or, never so far, rejoining) the statuses that count moves it out of (into) its week and quarter.
  const period = isCounted(from) === isCounted(to) ? 0 : isCounted(to) ? 1 : -1;
  const entry = entryOf(i, rev, [
    { metric: statusMetric(from), delta: -1 },
    { metric: statusMetric(to), delta: 1 },
    ...(period ? periodMetrics(i.submittedAt).map((metric) => ({ metric, delta: period })) : []),
  ]);
  if (entry) await record(redis, entry);
}

/** Counts by unit, then metric, of some units in a campaign (subtrees included), current to the last change. */
export async function progressOfUnits(
  redis: Redis,
  campaignCode: string,
  units: string[],
): Promise<Map<string, Map<string, number>>> {
  const [counters, pending] = await Promise.all([
    Promise.all(units.map((u) => ProgressCounterModel.findById(counterId(campaignCode, u), { counts: 1 }).lean())),
    pendingDeltas(redis, campaignCode, units),
  ]);
  return new Map(
    units.map((u, i) => {
      const counts = new Map(Object.entries((counters[i]?.counts ?? {}) as Record<string, number>));
      for (const [metric, delta] of pending.get(u) ?? []) counts.set(metric, (counts.get(metric) ?? 0) + delta);
      return [u, counts];
    }),
  );
}

/** A unit's counts in a campaign (its subtree included), by metric, current to the last change. */
export async function progressOf(redis: Redis, campaignCode: string, unitCode: string): Promise<Map<string, number>> {
  return (await progressOfUnits(redis, campaignCode, [unitCode])).get(unitCode)!;
}

/**
 * The progress entries not folded into the counters yet, kept in Redis so neither the fold nor a read
 * ever scans for them: a hash of the pending entries (id → entry), and per campaign and unit a hash of
 * their summed deltas (metric → delta), which a read adds to the unit's counter document. Both change
 * together in one script, once per entry (HSETNX/HDEL decide), so a retried write never counts twice.
 * If Redis loses them, the fold lists the unfolded entries again from MongoDB (relistAfterLoss, progress-fold.service.ts).
 */

export interface PendingEntry {
  id: string;
  campaignCode: string;
  units: string[];
  changes: { metric: string; delta: number }[];
}

const PENDING = 'progress:pending';
/** Present while Redis holds the list of pending entries; missing after a flush (or on a new Redis). */
const LISTED = 'progress:listed';
export const deltasKey = (campaignCode: string, unitCode: string) => `progress:delta:${campaignCode}:${unitCode}`;

// KEYS: the pending hash, then each unit's delta hash. ARGV: entry id, entry JSON, then metric/delta pairs.
const TRACK = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
for k = 2, #KEYS do
  for j = 3, #ARGV, 2 do redis.call('HINCRBY', KEYS[k], ARGV[j], ARGV[j + 1]) end
end
return 1`;

// The same keys; takes the entry's deltas back out once the counters hold them.
const UNTRACK = `
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
for k = 2, #KEYS do
  for j = 3, #ARGV, 2 do
    if redis.call('HINCRBY', KEYS[k], ARGV[j], -tonumber(ARGV[j + 1])) == 0 then redis.call('HDEL', KEYS[k], ARGV[j]) end
  end
end
return 1`;

const scriptArgs = (e: PendingEntry): (string | number)[] => [
  1 + e.units.length,
  PENDING,
  ...e.units.map((u) => deltasKey(e.campaignCode, u)),
  e.id,
  JSON.stringify(e),
  ...e.changes.flatMap((c) => [c.metric, c.delta]),
];

/** Lists an entry as pending and adds its deltas to the units' pending sums (once, however often called). */
export async function track(redis: Redis, e: PendingEntry): Promise<void> {
  await redis.eval(TRACK, ...(scriptArgs(e) as [number, ...string[]]));
}

/** Up to `limit` pending entries. */
export async function somePending(redis: Redis, limit: number): Promise<PendingEntry[]> {
  const flat = (await redis.hrandfield(PENDING, limit, 'WITHVALUES')) as string[];
  const out: PendingEntry[] = [];
  for (let i = 1; i < flat.length; i += 2) out.push(JSON.parse(flat[i]!) as PendingEntry);
  return out;
}

/** The pending entries with these ids (those still pending). */
export async function pendingByIds(redis: Redis, ids: string[]): Promise<PendingEntry[]> {
  if (ids.length === 0) return [];
  const found = await redis.hmget(PENDING, ...ids);
  return found.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as PendingEntry);
}

/** Takes folded entries off the list and their deltas out of the pending sums, all at once. */
export async function untrack(redis: Redis, entries: PendingEntry[], alsoDelete: string[] = []): Promise<void> {
  const tx = redis.multi();
  for (const e of entries) tx.eval(UNTRACK, ...(scriptArgs(e) as [number, ...string[]]));
  if (alsoDelete.length > 0) tx.del(...alsoDelete);
  await tx.exec();
}

/** Not-yet-folded deltas of some units of a campaign, by unit then metric: one round trip. */
export async function pendingDeltas(
  redis: Redis,
  campaignCode: string,
  units: string[],
): Promise<Map<string, Map<string, number>>> {
  const pipeline = redis.pipeline();
  for (const u of units) pipeline.hgetall(deltasKey(campaignCode, u));
  const results = (await pipeline.exec()) ?? [];
  return new Map(
    units.map((u, i) => {
      const [err, hash] = results[i] ?? [null, {}];
      if (err) throw err;
      return [u, new Map(Object.entries((hash ?? {}) as Record<string, string>).map(([m, d]) => [m, Number(d)]))];
    }),
  );
}

/** Whether Redis still holds the pending list (false after a flush, or on a Redis never used). */
export async function pendingListIntact(redis: Redis): Promise<boolean> {
  return (await redis.exists(LISTED)) === 1;
}

export async function markPendingListIntact(redis: Redis): Promise<void> {
  await redis.set(LISTED, '1');
}
