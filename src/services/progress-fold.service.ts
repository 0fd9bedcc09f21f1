import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RedisLock } from '../core/lock.js';
import { counterId, InitiativeModel, ProgressCounterModel, ProgressEntryModel } from '../models/index.js';
import { bulkWriteInChunks } from './bulk-write.js';
import { findUnit } from './units.service.js';
import {
  isCounted,
  markPendingListIntact,
  pendingByIds,
  pendingListIntact,
  periodMetrics,
  somePending,
  statusMetric,
  track,
  untrack,
  type PendingEntry,
} from './progress.service.js';

/*
 * Folding the pending progress entries (progress.service.ts) into the units' counter documents, one folder
 * at a time (a Redis lock), so no two writers ever update one counter at once (FerretDB 1.x loses
 * concurrent updates of one document, FerretDB#3040); and the recount that rebuilds a campaign's counters.
 */

const LOCK = 'lock:fold-progress';
const LOCK_MS = 5 * 60_000;
/** The batch being folded: its id and entries, so a fold that died half-way is finished, not redone. */
const BATCH = 'progress:folding';
const BATCH_SIZE = 500;

/** One folder at a time, across processes: the job gives up when another folds, a recount waits its turn. */
const folderLock = (redis: Redis) => new RedisLock(redis, { ttlMs: LOCK_MS, waitMs: 2 * LOCK_MS, retryMs: 200 });

/** Folds every pending entry into the counters; 0 when another folder is at work. Returns how many. */
export async function foldPending(redis: Redis): Promise<number> {
  return (await folderLock(redis).ifFree(LOCK, () => foldAll(redis))) ?? 0;
}

async function foldAll(redis: Redis): Promise<number> {
  if (!(await pendingListIntact(redis))) await relistAfterLoss(redis);
  let total = 0;
  for (let n = await foldBatch(redis); n > 0; n = await foldBatch(redis)) total += n;
  return total;
}

/**
 * Redis lost the pending list (a flush, a new Redis): the unfolded entries are listed again from MongoDB.
 * A scan, but once per loss of Redis, not per fold.
 */
async function relistAfterLoss(redis: Redis): Promise<void> {
  for (const e of await ProgressEntryModel.find({ folded: false }).lean()) {
    await track(redis, {
      id: e._id,
      campaignCode: e.campaignCode,
      units: e.units,
      changes: e.changes.map((c) => ({ metric: c.metric, delta: c.delta })),
    });
  }
  await markPendingListIntact(redis);
}

/** What a batch adds to one counter: `$inc` paths (`counts.<metric>`) and their sums. */
interface CounterSum {
  campaignCode: string;
  unitCode: string;
  inc: Record<string, number>;
}

/** Adds one batch of pending entries into the counters: each counter once (by _id), then marks and unlists them. */
async function foldBatch(redis: Redis): Promise<number> {
  const batch = await resumeOrStartBatch(redis);
  if (!batch) return 0;
  const sums = new Map<string, CounterSum>();
  for (const e of batch.entries) {
    for (const unitCode of e.units) {
      const id = counterId(e.campaignCode, unitCode);
      const sum = sums.get(id) ?? { campaignCode: e.campaignCode, unitCode, inc: {} };
      for (const c of e.changes) sum.inc[`counts.${c.metric}`] = (sum.inc[`counts.${c.metric}`] ?? 0) + c.delta;
      sums.set(id, sum);
    }
  }
  await addToCounters(sums, batch.id, batch.resumed);
  // One statement per entry, each finding its entry by _id, a few per command (bulk-write.ts).
  await bulkWriteInChunks(
    ProgressEntryModel,
    batch.entries.map((e) => ({ updateOne: { filter: { _id: e.id }, update: { $set: { folded: true } } } })),
  );
  await untrack(redis, batch.entries, [BATCH]);
  return batch.entries.length;
}

async function resumeOrStartBatch(
  redis: Redis,
): Promise<{ id: string; entries: PendingEntry[]; resumed: boolean } | null> {
  const unfinished = await redis.get(BATCH);
  if (unfinished) {
    const { id, ids } = JSON.parse(unfinished) as { id: string; ids: string[] };
    return { id, entries: await pendingByIds(redis, ids), resumed: true };
  }
  const entries = await somePending(redis, BATCH_SIZE);
  if (entries.length === 0) return null;
  const id = randomUUID();
  await redis.set(BATCH, JSON.stringify({ id, ids: entries.map((e) => e.id) }));
  return { id, entries, resumed: false };
}

/**
 * Adds a batch's sums to the counters, each once: a counter remembers the last batch it took, so a batch
 * resumed after a crash skips the counters it already reached. Only the folder writes counters, so these
 * $inc never race another. One statement per counter filtered by _id alone (FerretDB finds nothing else
 * without a scan), a few per command (bulk-write.ts).
 */
async function addToCounters(sums: Map<string, CounterSum>, batchId: string, resumed: boolean): Promise<void> {
  const reached = resumed ? await countersReached([...sums.keys()], batchId) : new Set<string>();
  const updates = [...sums]
    .filter(([id]) => !reached.has(id))
    .map(([id, s]) => ({
      updateOne: {
        filter: { _id: id },
        update: {
          $inc: s.inc,
          $set: { lastFold: batchId },
          $setOnInsert: { campaignCode: s.campaignCode, unitCode: s.unitCode },
        },
        upsert: true,
      },
    }));
  await bulkWriteInChunks(ProgressCounterModel, updates);
}

async function countersReached(ids: string[], batchId: string): Promise<Set<string>> {
  const found = await Promise.all(ids.map((id) => ProgressCounterModel.findById(id, { lastFold: 1 }).lean()));
  return new Set(ids.filter((_, i) => found[i]?.lastFold === batchId));
}

export interface Drift {
  unitCode: string;
  metric: string;
  expected: number;
  actual: number;
}

/**
 * Rebuilds a campaign's counters from its initiatives and reports where they had drifted: after a
 * restore, after units moved in the tree (initiatives then take their unit's current ancestors, and the
 * counters follow the move), or to be sure after Redis lost its data. It holds the folder's lock and
 * folds everything first; run it in a quiet moment, since a submission made while it reads the
 * initiatives may be counted twice until the next recount.
 */
export async function recount(redis: Redis, campaignCode: string): Promise<{ initiatives: number; drift: Drift[] }> {
  return folderLock(redis).withLock(LOCK, async () => {
    await foldAll(redis);
    // Whatever is still unfolded of this campaign is in what the initiatives say now.
    await ProgressEntryModel.updateMany({ campaignCode, folded: false }, { $set: { folded: true } });
    const expected = new Map<string, Map<string, number>>();
    const initiatives = await InitiativeModel.find({ campaignCode })
      .select({ unitCode: 1, unitAncestors: 1, status: 1, submittedAt: 1 })
      .lean();
    for (const i of initiatives) {
      const ancestors = (await findUnit(i.unitCode))?.ancestors ?? i.unitAncestors;
      if (ancestors.join('/') !== i.unitAncestors.join('/'))
        await InitiativeModel.updateOne({ _id: i._id }, { $set: { unitAncestors: ancestors } });
      for (const unit of [...ancestors, i.unitCode]) {
        const unitCounts = expected.get(unit) ?? new Map<string, number>();
        const metrics = [statusMetric(i.status), ...(isCounted(i.status) ? periodMetrics(i.submittedAt) : [])];
        for (const metric of metrics) unitCounts.set(metric, (unitCounts.get(metric) ?? 0) + 1);
        expected.set(unit, unitCounts);
      }
    }
    const actual = new Map(
      (await ProgressCounterModel.find({ campaignCode }).lean()).map((c) => [
        c.unitCode,
        new Map(Object.entries((c.counts ?? {}) as Record<string, number>)),
      ]),
    );
    const drift: Drift[] = [];
    for (const unitCode of new Set([...actual.keys(), ...expected.keys()])) {
      const want = expected.get(unitCode) ?? new Map<string, number>();
      const have = actual.get(unitCode) ?? new Map<string, number>();
      const wrong = [...new Set([...want.keys(), ...have.keys()])]
        .map((metric) => ({ unitCode, metric, expected: want.get(metric) ?? 0, actual: have.get(metric) ?? 0 }))
        .filter((d) => d.expected !== d.actual);
      if (wrong.length === 0) continue;
      drift.push(...wrong);
      await ProgressCounterModel.updateOne(
        { _id: counterId(campaignCode, unitCode) },
        { $set: { campaignCode, unitCode, counts: Object.fromEntries(want) } },
        { upsert: true },
      );
    }
    return { initiatives: initiatives.length, drift };
  });
}

/** Adds the pending progress entries into the counters (one folder at a time; the service holds a lock). */
export async function foldProgress(deps: { redis: Redis }): Promise<number> {
  return foldPending(deps.redis);
}
