import { formatCode } from '../core/codes.js';
import type { Types } from 'mongoose';
import type { Redis } from 'ioredis';
import { CATEGORIES, InitiativeModel, initiativeIdOf, type Category, type InitiativeStatus } from '../models/index.js';

export { CATEGORIES, type Category, type InitiativeStatus };
import { type Channel } from '../core/channel.js';
import type { InboundAttachment } from '../core/event.js';
import { type Clock, vietnamYear } from '../core/time.js';
import { activeCampaignFor } from './campaigns.service.js';
import { findUnit, pathOf } from './units.service.js';
import { isDuplicateKey } from '../core/insert-once.js';
import { recordSubmission } from './progress.service.js';
import { catchUpSequence, claimSequence } from './reference-codes.js';
import { rememberForSimilarity } from './similarity.js';
import { truncate } from '../core/text.js';

export interface InitiativeFields {
  title: string;
  problem: string;
  solution: string;
  benefit: string;
  valueVnd: number | null;
  scope: string;
  category: Category | null;
  coAuthors: string;
  attachments: InboundAttachment[];
  confidential: boolean;
  idea: string;
}

export const TITLE_MAX = 200;

/** A quick idea's fields: the idea as one message, its first line the title the support team can refine. */
export function quickIdeaFields(idea: string, attachments: InboundAttachment[] = []): InitiativeFields {
  const title = truncate(idea.split('\n')[0] ?? '', TITLE_MAX);
  return {
    title,
    problem: '',
    solution: '',
    benefit: '',
    valueVnd: null,
    scope: '',
    category: null,
    coAuthors: '',
    attachments,
    confidential: false,
    idea,
  };
}

export interface NewInitiative {
  authorId: Types.ObjectId;
  unitCode: string;
  channel: Channel;
  quick: boolean;
  fields: InitiativeFields;
  /** Same key, same initiative: a retried submission returns the first one. */
  submissionKey: string;
  /** The support member who entered it for the author, if not the author. */
  enteredBy?: Types.ObjectId;
}

const MAX_CODE_ATTEMPTS = 50;

/** What storing an initiative needs: the time, and Redis for its code's number and its progress entries. */
export interface SubmitDeps {
  clock: Clock;
  redis: Redis;
}

/**
 * Stores a submitted initiative under the next reference code of the year. The number comes from a Redis
 * counter (claimSequence: O(1), gap-free, the same number for a retry of the same submission); the
 * unique code index is the safety net: should the number be taken (Redis lost its counter), the counter
 * catches up with the database and the submission claims again.
 */
export async function submitInitiative(input: NewInitiative, deps: SubmitDeps): Promise<{ code: string }> {
  const unit = await findUnit(input.unitCode);
  if (!unit) throw new Error(`cannot submit: unit ${input.unitCode} does not exist`);
  const now = deps.clock.now();
  const year = vietnamYear(now);
  const unitPath = pathOf(unit);
  const base = {
    ...input.fields,
    attachments: input.fields.attachments.map((a) => ({ ...a, channel: input.channel })),
    campaignCode: await activeCampaignFor(unitPath, now),
    unitCode: unit.code,
    unitAncestors: unit.ancestors,
    authorId: input.authorId,
    channel: input.channel,
    quick: input.quick,
    status: 'submitted' as InitiativeStatus,
    submissionKey: input.submissionKey,
    submittedAt: now,
    enteredBy: input.enteredBy ?? null,
  };
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
    const seq = await claimSequence(deps.redis, year, input.submissionKey);
    try {
      const code = formatCode(year, seq);
      const created = await InitiativeModel.create({ ...base, _id: initiativeIdOf(code), year, seq, code });
      await recordSubmission(deps.redis, created);
      await rememberForSimilarity(deps.redis, created);
      return { code };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const already = await InitiativeModel.findOne({ submissionKey: input.submissionKey }).lean();
      if (already) {
        // A retry of a submission stored before: make sure its progress entry was written too.
        await recordSubmission(deps.redis, already);
        return { code: already.code };
      }
      await catchUpSequence(deps.redis, year, input.submissionKey);
    }
  }
  throw new Error(`could not claim a reference code for ${input.submissionKey} after ${MAX_CODE_ATTEMPTS} attempts`);
}

/** A member's initiatives: those they wrote, and those they co-author because their duplicate was merged in. */
const byOrWith = (memberId: Types.ObjectId) => ({ $or: [{ authorId: memberId }, { coAuthorIds: memberId }] });

export async function listByAuthor(memberId: Types.ObjectId, limit: number) {
  return InitiativeModel.find(byOrWith(memberId))
    .sort({ submittedAt: -1 })
    .limit(limit)
    .select({ code: 1, status: 1, title: 1, idea: 1, quick: 1, submittedAt: 1, authorId: 1, mergedInto: 1 })
    .lean();
}

export async function countByAuthor(memberId: Types.ObjectId): Promise<number> {
  return InitiativeModel.countDocuments(byOrWith(memberId));
}
