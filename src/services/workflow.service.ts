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
import { isDuplicateKey } from '../core/insert-once.js';
import { recordTransition } from './progress.service.js';
import { KnownIds } from '../core/known-ids.js';

export const ACTIONS = [
  'take',
  'info',
  'accept',
  'recognize',
  'replicate',
  'reject',
  'withdraw',
  'answered',
  'merge',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Statuses of an initiative the support team still has to work. */
export const OPEN: InitiativeStatus[] = ['submitted', 'in_review', 'needs_info'];
/** Statuses an initiative leaves no more, without a result: nothing joins it. */
export const CLOSED: InitiativeStatus[] = ['rejected', 'withdrawn', 'merged'];

/**
 * The life cycle of DESIGN.md §3: submitted → in_review ⇄ needs_info → accepted → recognized → replicated;
 * exits rejected, withdrawn, and merged (a duplicate joined the initiative it repeats).
 */
const RULES: Record<Action, { from: InitiativeStatus[]; to: (from: InitiativeStatus) => InitiativeStatus }> = {
  take: { from: OPEN, to: (from) => (from === 'submitted' ? 'in_review' : from) },
  info: { from: ['submitted', 'in_review'], to: () => 'needs_info' },
  answered: { from: ['needs_info'], to: () => 'in_review' },
  accept: { from: OPEN, to: () => 'accepted' },
  recognize: { from: ['accepted'], to: () => 'recognized' },
  replicate: { from: ['recognized'], to: () => 'replicated' },
  reject: { from: [...OPEN, 'accepted'], to: () => 'rejected' },
  withdraw: { from: OPEN, to: () => 'withdrawn' },
  merge: { from: [...OPEN, 'accepted'], to: () => 'merged' },
};

/** Where an action takes an initiative in this status, or null when it may not. */
export function nextStatus(action: Action, status: InitiativeStatus): InitiativeStatus | null {
  const rule = RULES[action];
  return rule.from.includes(status) ? rule.to(status) : null;
}

export type InitiativeDoc = NonNullable<Awaited<ReturnType<typeof findInitiative>>>;

/** Whether the member wrote the initiative, or co-authors it (their duplicate was merged into it). */
export const isAuthorOf = (i: Pick<InitiativeDoc, 'authorId' | 'coAuthorIds'>, memberId: Types.ObjectId): boolean =>
  [i.authorId, ...i.coAuthorIds].map(String).includes(String(memberId));

/** Initiatives stored before their `_id` came from their code, looked up lately by this process. */
const olderInitiativeIds = new KnownIds<Types.ObjectId>(20_000);

/** By `_id` (derived from the code, or remembered); by `code` only for initiatives stored before that. */
export const findInitiative = (code: string) =>
  olderInitiativeIds.find(
    code,
    initiativeIdOf(code),
    (id) => InitiativeModel.findById(id).lean(),
    () => InitiativeModel.findOne({ code }).lean(),
  );

/**
 * What a change records besides the status, written with it (claimed by the same event, so a lost race
 * leaves none of it): the council's decision on recognize, the initiative a duplicate joins on merge.
 */
export type TransitionDetails =
  { action: 'recognize'; decisionNumber: string; decisionDate: Date } | { action: 'merge'; mergedInto: string };

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
  input: { code: string; action: Action; by: Types.ObjectId; note?: string; details?: TransitionDetails },
  deps: TransitionDeps,
  known?: InitiativeDoc,
): Promise<TransitionResult> {
  const { details } = input;
  if ((input.action === 'recognize' || input.action === 'merge') !== (details?.action === input.action))
    throw new Error(`${input.action} of ${input.code}: details only and always with recognize and merge`);
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
      decisionNumber: details?.action === 'recognize' ? details.decisionNumber : null,
      decisionDate: details?.action === 'recognize' ? details.decisionDate : null,
      mergedInto: details?.action === 'merge' ? details.mergedInto : null,
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
    await applyEvent(initiative, event);
    await trackAwaitingInfo(initiative, from, to);
    return {
      ok: true,
      initiative: { ...initiative, ...changesOf(event) },
      from,
      to,
      rev: event.rev,
    };
  }
  throw new Error(
    `initiative ${input.code} kept changing under ${input.action}; gave up after ${MAX_ATTEMPTS} attempts`,
  );
}

/**
 * Brings the document up to the claimed events it is behind (each in turn, so what one recorded, a
 * decision, is not skipped by a later one); true when it was behind.
 */
async function rollForward(redis: Redis, initiative: InitiativeDoc): Promise<boolean> {
  const newer = await InitiativeEventModel.find({ initiativeId: initiative._id, rev: { $gt: initiative.rev } })
    .sort({ rev: 1 })
    .lean();
  for (const e of newer) {
    await recordTransition(redis, initiative, e.rev, e.from, e.to);
    await applyEvent(initiative, e);
    await trackAwaitingInfo(initiative, e.from, e.to);
  }
  return newer.length > 0;
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

interface ClaimedEvent {
  rev: number;
  to: InitiativeStatus;
  assigneeId?: Types.ObjectId | null;
  decisionNumber?: string | null;
  decisionDate?: Date | null;
  mergedInto?: string | null;
}

/** The fields of the initiative a claimed event sets: status, assignee, revision, and what came with it. */
function changesOf(e: ClaimedEvent) {
  return {
    status: e.to,
    assigneeId: e.assigneeId ?? null,
    rev: e.rev,
    ...(e.decisionNumber ? { decisionNumber: e.decisionNumber, decisionDate: e.decisionDate ?? null } : {}),
    ...(e.mergedInto ? { mergedInto: e.mergedInto } : {}),
  };
}

/**
 * Brings the initiative up to a claimed event, idempotently (a roll-forward may do it again): for a merge
 * the duplicate's author first joins the kept initiative's co-authors, then the initiative takes the
 * event's fields, so a process that dies in between leaves the document behind for the roll-forward.
 */
async function applyEvent(initiative: { _id: Types.ObjectId; authorId: Types.ObjectId }, e: ClaimedEvent) {
  const kept = e.mergedInto ? await findInitiative(e.mergedInto) : null;
  if (kept) await InitiativeModel.updateOne({ _id: kept._id }, { $addToSet: { coAuthorIds: initiative.authorId } });
  await InitiativeModel.updateOne({ _id: initiative._id }, { $set: changesOf(e) });
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
