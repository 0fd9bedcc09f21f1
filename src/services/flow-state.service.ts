import { FlowStateModel } from '../models/index.js';
import { isDuplicateKey } from './errors.js';

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
}

export type FlowChange = Omit<FlowState, 'owner' | 'rev'>;

/** Another process saved this member's flow first; the caller reloads and tries again. */
export class FlowConflictError extends Error {}

/** Revisions kept behind the current one: enough to debug, not a growing log. Pruned every few saves. */
const KEEP_REVISIONS = 3;
const PRUNE_EVERY = 10;

export async function loadFlowState(owner: string): Promise<FlowState> {
  const latest = await FlowStateModel.findOne({ owner }).sort({ rev: -1 }).lean();
  if (!latest) return { owner, rev: 0, flow: null, step: null, trail: [], answers: {}, returnTo: null, paused: null };
  return {
    owner,
    rev: latest.rev,
    flow: latest.flow ?? null,
    step: latest.step ?? null,
    trail: latest.trail,
    answers: (latest.answers ?? {}) as Record<string, unknown>,
    returnTo: latest.returnTo ?? null,
    paused: (latest.paused ?? null) as PausedFlow | null,
  };
}

/** Saves the next revision of `current`; throws FlowConflictError when someone else already did. */
export async function saveFlowState(current: FlowState, change: FlowChange): Promise<FlowState> {
  const next: FlowState = { ...change, owner: current.owner, rev: current.rev + 1 };
  try {
    await FlowStateModel.create(next);
  } catch (err) {
    if (isDuplicateKey(err)) throw new FlowConflictError(`flow state of ${current.owner} moved past rev ${current.rev}`);
    throw err;
  }
  if (next.rev % PRUNE_EVERY === 0) await FlowStateModel.deleteMany({ owner: current.owner, rev: { $lt: next.rev - KEEP_REVISIONS } });
  return next;
}
