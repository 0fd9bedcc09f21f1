import type { Types } from 'mongoose';
import type { Redis } from 'ioredis';
import {
  InitiativeEventModel,
  InitiativeModel,
  initiativeIdOf,
  MemberModel,
  ThreadMessageModel,
  type InitiativeStatus,
} from '../models/index.js';
import type { Clock } from '../core/time.js';
import { isDuplicateKey } from './insert-once.js';
import { recordTransition } from './progress.service.js';
import { KnownIds } from './known-ids.js';

export const ACTIONS = ['take', 'info', 'accept', 'recognize', 'replicate', 'reject', 'withdraw', 'answered'] as const;
export type Action = (typeof ACTIONS)[number];

/** Statuses of an initiative the support team still has to work. */
export const OPEN: InitiativeStatus[] = ['submitted', 'in_review', 'needs_info'];

/** The life cycle of DESIGN.md §3: submitted → in_review ⇄ needs_info → accepted → recognized → replicated. */
const RULES: Record<Action, { from: InitiativeStatus[]; to: (from: InitiativeStatus) => InitiativeStatus }> = {
  take: { from: OPEN, to: (from) => (from === 'submitted' ? 'in_review' : from) },
  info: { from: ['submitted', 'in_review'], to: () => 'needs_info' },
  answered: { from: ['needs_info'], to: () => 'in_review' },
  accept: { from: OPEN, to: () => 'accepted' },
  recognize: { from: ['accepted'], to: () => 'recognized' },
  replicate: { from: ['recognized'], to: () => 'replicated' },
  reject: { from: [...OPEN, 'accepted'], to: () => 'rejected' },
  withdraw: { from: OPEN, to: () => 'withdrawn' },
};

/** Where an action takes an initiative in this status, or null when it may not. */
export function nextStatus(action: Action, status: InitiativeStatus): InitiativeStatus | null {
  const rule = RULES[action];
  return rule.from.includes(status) ? rule.to(status) : null;
}

export type InitiativeDoc = NonNullable<Awaited<ReturnType<typeof findInitiative>>>;

/** Initiatives stored before their `_id` came from their code, looked up lately by this process. */
const olderInitiativeIds = new KnownIds(20_000);

/** By `_id` (derived from the code, or remembered); by `code` only for initiatives stored before that. */
export async function findInitiative(code: string) {
  const byId = await InitiativeModel.findById(olderInitiativeIds.get(code) ?? initiativeIdOf(code)).lean();
  if (byId) return byId;
  const older = await InitiativeModel.findOne({ code }).lean();
  if (older) olderInitiativeIds.remember(code, older._id);
  return older;
}

export type TransitionResult =
  | { ok: true; initiative: InitiativeDoc; from: InitiativeStatus; to: InitiativeStatus; rev: number }
  | { ok: false; reason: 'unknown' | 'illegal' | 'taken' | 'already-yours'; initiative: InitiativeDoc | null };

const MAX_ATTEMPTS = 8;

/** What a status change needs: the time, and Redis for its progress entry. */
export interface TransitionDeps {
  clock: Clock;
  redis: Redis;
}

/**
 * Moves an initiative by one action. The change is claimed by inserting event rev+1 (unique per
 * initiative), so of two racing support members exactly one wins; the loser rolls the document forward
 * to the winner's event, re-reads and gets its reason. The initiative document is then brought up to
 * the event with an idempotent $set, which a later call also does (roll-forward) if this process died
 * in between. `known`: the initiative as the caller just read it, to save reading it again.
 */
export async function transition(
  input: { code: string; action: Action; by: Types.ObjectId; note?: string },
  deps: TransitionDeps,
  known?: InitiativeDoc,
): Promise<TransitionResult> {
  let initiative = known ?? (await findInitiative(input.code));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (!initiative) return { ok: false, reason: 'unknown', initiative: null };
    const from = initiative.status;
    const to = nextStatus(input.action, from);
    const assignee = initiative.assigneeId ?? null;
    // Taking what one already holds changes nothing: refused, so no empty event is recorded.
    const refusal = !to
      ? 'illegal'
      : input.action === 'take' && assignee
        ? assignee.equals(input.by)
          ? 'already-yours'
          : 'taken'
        : null;
    if (refusal || !to) {
      // Refuse on the latest state only: the document may lag behind an event whose writer died.
      if (await rollForward(deps.redis, initiative)) {
        initiative = await findInitiative(input.code);
        continue;
      }
      return { ok: false, reason: refusal ?? 'illegal', initiative };
    }
    const event = {
      initiativeId: initiative._id,
      rev: initiative.rev + 1,
      at: deps.clock.now(),
      by: input.by,
      from,
      to,
      assigneeId: input.action === 'take' ? input.by : assignee,
      note: input.note ?? '',
    };
    try {
      await InitiativeEventModel.create(event);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      await rollForward(deps.redis, initiative);
      initiative = await findInitiative(input.code);
      continue;
    }
    await recordTransition(deps.redis, initiative, event.rev, from, to);
    await applyEvent(event);
    await trackAwaitingInfo(initiative, from, to);
    return {
      ok: true,
      initiative: { ...initiative, status: to, assigneeId: event.assigneeId, rev: event.rev },
      from,
      to,
      rev: event.rev,
    };
  }
  throw new Error(
    `initiative ${input.code} kept changing under ${input.action}; gave up after ${MAX_ATTEMPTS} attempts`,
  );
}

/** Brings the document up to the newest claimed event, if it is behind; true when it was. */
async function rollForward(redis: Redis, initiative: InitiativeDoc): Promise<boolean> {
  const newer = await InitiativeEventModel.findOne({ initiativeId: initiative._id, rev: { $gt: initiative.rev } })
    .sort({ rev: -1 })
    .lean();
  if (!newer) return false;
  await recordTransition(redis, initiative, newer.rev, newer.from, newer.to);
  await applyEvent({ ...newer, assigneeId: newer.assigneeId ?? null });
  await trackAwaitingInfo(initiative, newer.from, newer.to);
  return true;
}

/** The author's list of initiatives waiting for their answer follows the status (see Member.awaitingInfo). */
async function trackAwaitingInfo(
  initiative: { _id: Types.ObjectId; authorId: Types.ObjectId },
  from: InitiativeStatus,
  to: InitiativeStatus,
): Promise<void> {
  if (to === 'needs_info')
    await MemberModel.updateOne(
      { _id: initiative.authorId },
      { $addToSet: { awaitingInfo: initiative._id } },
      { timestamps: false },
    );
  else if (from === 'needs_info')
    await MemberModel.updateOne(
      { _id: initiative.authorId },
      { $pull: { awaitingInfo: initiative._id } },
      { timestamps: false },
    );
}

/** The latest of the member's initiatives still waiting for their answer, if any (one lookup by _id per waiting one). */
export async function awaitingAnswerFrom(member: {
  awaitingInfo?: Types.ObjectId[] | null;
}): Promise<InitiativeDoc | null> {
  const ids = member.awaitingInfo ?? [];
  if (ids.length === 0) return null;
  // By _id one at a time: FerretDB serves only a plain _id lookup without a scan.
  const found = await Promise.all(ids.map((id) => InitiativeModel.findById(id).lean()));
  const waiting = found.filter((i): i is NonNullable<typeof i> => i?.status === 'needs_info');
  return waiting.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0] ?? null;
}

/** Stores the initiative council's decision (number and date) that recognised it. */
export async function setRecognitionDecision(initiativeId: Types.ObjectId, decision: string): Promise<void> {
  await InitiativeModel.updateOne({ _id: initiativeId }, { $set: { recognitionDecision: decision } });
}

async function applyEvent(e: {
  initiativeId: Types.ObjectId;
  rev: number;
  to: InitiativeStatus;
  assigneeId: Types.ObjectId | null;
}): Promise<void> {
  await InitiativeModel.updateOne(
    { _id: e.initiativeId },
    { $set: { status: e.to, assigneeId: e.assigneeId, rev: e.rev } },
  );
}

/** Every status change of an initiative after its submission, oldest first. */
export async function eventsOf(initiativeId: Types.ObjectId) {
  return InitiativeEventModel.find({ initiativeId }).sort({ rev: 1 }).lean();
}

export async function addToThread(input: {
  initiativeId: Types.ObjectId;
  by: Types.ObjectId;
  direction: 'to_submitter' | 'from_submitter' | 'note';
  text: string;
  attachments?: unknown[];
  clock: Clock;
}): Promise<void> {
  await ThreadMessageModel.create({ ...input, at: input.clock.now(), attachments: input.attachments ?? [] });
}

/** Records which unit's team an initiative was sent to (set once, at routing). */
export async function setRoutedTo(initiativeId: Types.ObjectId, unitCode: string): Promise<void> {
  await InitiativeModel.updateOne({ _id: initiativeId }, { $set: { routedTo: unitCode } });
}

/** A duplicate joins the initiative it repeats: it points there, and its author becomes a co-author. */
export async function markMerged(duplicate: InitiativeDoc, into: InitiativeDoc): Promise<void> {
  await InitiativeModel.updateOne({ _id: duplicate._id }, { $set: { mergedInto: into.code } });
  await InitiativeModel.updateOne({ _id: into._id }, { $addToSet: { coAuthorIds: duplicate.authorId } });
}

/**
 * The open initiatives a member's queue shows, oldest first: of the units where they are support (or
 * routed there), and of everything under where they are admin.
 */
export async function openQueueOf(member: { roles: { unitCode: string; role: string }[] }, limit: number) {
  const support = member.roles.filter((r) => r.role === 'support').map((r) => r.unitCode);
  const admin = member.roles.filter((r) => r.role === 'admin').map((r) => r.unitCode);
  const filter = {
    status: { $in: OPEN },
    $or: [
      { unitCode: { $in: [...support, ...admin] } },
      { routedTo: { $in: support } },
      { unitAncestors: { $in: admin } },
    ],
  };
  return InitiativeModel.find(filter).sort({ submittedAt: 1 }).limit(limit).lean();
}
