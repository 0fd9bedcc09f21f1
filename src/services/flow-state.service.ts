import { bulkWriteInChunks } from './bulk-write.js';
import type { Redis } from 'ioredis';
import { FlowStateModel } from '../models/index.js';
import { isDuplicateKey } from '../core/insert-once.js';

export interface PausedFlow {
  flow: string;
  step: string;
  trail: string[];
  answers: Record<string, unknown>;
}

export interface FlowState {
  owner: string;
  rev: number;
  flow: string | null;
  step: string | null;
  trail: string[];
  answers: Record<string, unknown>;
  returnTo: string | null;
  paused: PausedFlow | null;
  /** The oldest revision still stored (older ones were pruned). */
  keptFrom?: number;
}

export type FlowChange = Omit<FlowState, 'owner' | 'rev' | 'keptFrom'>;

/** Another process saved this member's flow first; the caller reloads and tries again. */
export class FlowConflictError extends Error {}

/** Revisions kept behind the current one: enough to debug, not a growing log. */
const KEEP_REVISIONS = 3;
/** Old revisions are deleted when a flow ends, and every this many saves of a long one. */
const PRUNE_EVERY = 50;
/** A revision's _id: deleting old ones by _id never scans the collection (FerretDB finds only _id fast). */
const revisionId = (owner: string, rev: number) => `${owner}:${rev}`;

/**
 * The latest revision is also kept in Redis, so a message in a flow reads its state without a database
 * query (on FerretDB "the latest revision" is a sort). MongoDB stays the judge: a save inserts revision
 * n+1 against the unique (owner, rev) index, so a stale copy can only cost a retry, never a lost step.
 * The copy is dropped before each save and written after it, and only ever moves forward.
 */
const cacheKey = (owner: string) => `flow:${owner}`;
/**
 * The number of the latest revision, kept far longer than the copy: once the copy is gone, the state
 * is read by its _id rather than found by sorting the person's revisions (a scan on FerretDB). Dropped
 * with the copy before each save, so it is never behind the database.
 */
const revKey = (owner: string) => `flow-rev:${owner}`;
/** Long enough for a conversation; Redis then forgets the people who went quiet. */
const CACHE_SECONDS = 60 * 60;
/** A campaign's length: people who registered for it are read by _id until its deadline day. */
const REV_SECONDS = 180 * 24 * 60 * 60;
const CACHE_FORWARD = `
local current = redis.call('GET', KEYS[1])
if current and cjson.decode(current).rev >= tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
local rev = redis.call('GET', KEYS[2])
if (not rev) or tonumber(rev) < tonumber(ARGV[2]) then redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[4]) end
return 1`;

/** Where to prune to on this save: when a flow ends, or a long one reaches a multiple of PRUNE_EVERY; else null. */
function pruneTarget(change: FlowChange, rev: number, keptFrom: number): number | null {
  const below = rev - KEEP_REVISIONS;
  return (change.flow === null || rev % PRUNE_EVERY === 0) && below > keptFrom ? below : null;
}

const idleState = (owner: string): FlowState => ({
  owner,
  rev: 0,
  flow: null,
  step: null,
  trail: [],
  answers: {},
  returnTo: null,
  paused: null,
});

async function remember(redis: Redis, state: FlowState): Promise<void> {
  await redis.eval(
    CACHE_FORWARD,
    2,
    cacheKey(state.owner),
    revKey(state.owner),
    JSON.stringify(state),
    state.rev,
    CACHE_SECONDS,
    REV_SECONDS,
  );
}

export async function loadFlowState(redis: Redis, owner: string): Promise<FlowState> {
  const cached = await redis.get(cacheKey(owner));
  if (cached) return JSON.parse(cached) as FlowState;
  const latest = await latestRevision(redis, owner);
  const state: FlowState = latest
    ? {
        owner,
        rev: latest.rev,
        flow: latest.flow ?? null,
        step: latest.step ?? null,
        trail: latest.trail,
        answers: (latest.answers ?? {}) as Record<string, unknown>,
        returnTo: latest.returnTo ?? null,
        paused: (latest.paused ?? null) as PausedFlow | null,
        keptFrom: latest.keptFrom ?? 1,
      }
    : idleState(owner);
  await remember(redis, state);
  return state;
}

/** By _id when Redis knows its number (0: no flow was ever saved), else the highest revision stored. */
async function latestRevision(redis: Redis, owner: string) {
  const rev = await redis.get(revKey(owner));
  if (rev === '0') return null;
  const known = rev === null ? null : await FlowStateModel.findById(revisionId(owner, Number(rev))).lean();
  return known ?? FlowStateModel.findOne({ owner }).sort({ rev: -1 }).lean();
}

/** Saves the next revision of `current`; throws FlowConflictError when someone else already did. */
export async function saveFlowState(redis: Redis, current: FlowState, change: FlowChange): Promise<FlowState> {
  const rev = current.rev + 1;
  const keptFrom = current.keptFrom ?? 1;
  const pruneBelow = pruneTarget(change, rev, keptFrom);
  const next: FlowState = { ...change, owner: current.owner, rev, keptFrom: pruneBelow ?? keptFrom };
  // Dropped first: should this process die after the insert, the next read goes to MongoDB.
  await redis.del(cacheKey(current.owner), revKey(current.owner));
  try {
    await FlowStateModel.create({ ...next, _id: revisionId(next.owner, rev) });
  } catch (err) {
    if (isDuplicateKey(err))
      throw new FlowConflictError(`flow state of ${current.owner} moved past rev ${current.rev}`);
    throw err;
  }
  await remember(redis, next);
  if (pruneBelow !== null) {
    // Each old revision deleted by its _id.
    const old = Array.from({ length: pruneBelow - keptFrom }, (_, i) => ({
      deleteOne: { filter: { _id: revisionId(next.owner, keptFrom + i) } },
    }));
    await bulkWriteInChunks(FlowStateModel, old);
  }
  return next;
}
