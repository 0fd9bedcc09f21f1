import type { Redis } from 'ioredis';

/**
 * The progress entries not folded into the counters yet, kept in Redis so neither the fold nor a read
 * ever scans for them: a hash of the pending entries (id → entry), and per campaign and unit a hash of
 * their summed deltas (metric → delta), which a read adds to the unit's counter document. Both change
 * together in one script, once per entry (HSETNX/HDEL decide), so a retried write never counts twice.
 * If Redis loses them, the fold lists the unfolded entries again from MongoDB (see relistAfterLoss).
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
