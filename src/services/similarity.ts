import type { Redis } from 'ioredis';
import { InitiativeModel } from '../models/index.js';
import { foldForSearch } from '../core/text.js';
import type { InitiativeDoc } from './workflow.service.js';

/** Words that say nothing about an idea ("của", "và", "the"...): short ones, after folding accents. */
const MIN_WORD = 3;

export const wordsOf = (text: string): Set<string> =>
  new Set(
    foldForSearch(text)
      .split(' ')
      .filter((w) => w.length >= MIN_WORD),
  );

/** Jaccard similarity of the accent- and case-free word sets: 0 (nothing shared) to 1 (same words). */
export const similarity = (a: string, b: string): number => jaccard(wordsOf(a), wordsOf(b));

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

const textOf = (i: Pick<InitiativeDoc, 'title' | 'idea' | 'problem' | 'solution'>): string =>
  [i.title, i.idea, i.problem, i.solution].join(' ');

export const SIMILAR_THRESHOLD = 0.3;
/** How far back to look: the unit's latest initiatives of the campaign, a bounded read. */
const CANDIDATES = 300;
/** A campaign's length: a unit that has had no new initiative for that long has no recent ones. */
const RECENT_SECONDS = 180 * 24 * 3600;

/** One recent initiative as the comparison needs it: its words, and how to load it when it matches. */
interface Recent {
  id: string;
  code: string;
  words: string;
}

type Comparable = Pick<
  InitiativeDoc,
  '_id' | 'code' | 'unitCode' | 'campaignCode' | 'title' | 'idea' | 'problem' | 'solution'
>;

/**
 * The unit's latest initiatives of the campaign live in a capped Redis list, so comparing a new card
 * costs one read whatever the campaign's size (a query for "the latest 300 of this unit" needs a sort,
 * which FerretDB does in memory over the whole collection). Each submission joins its unit's list.
 */
const recentKey = (i: Pick<InitiativeDoc, 'unitCode' | 'campaignCode'>): string =>
  `similar:${i.campaignCode ?? '-'}:${i.unitCode}`;

export async function rememberForSimilarity(redis: Redis, i: Comparable): Promise<void> {
  const key = recentKey(i);
  const entry: Recent = { id: String(i._id), code: i.code, words: [...wordsOf(textOf(i))].join(' ') };
  await redis
    .multi()
    .lpush(key, JSON.stringify(entry))
    .ltrim(key, 0, CANDIDATES - 1)
    .expire(key, RECENT_SECONDS)
    .exec();
}

async function recentOf(redis: Redis, i: Comparable): Promise<Recent[]> {
  return (await redis.lrange(recentKey(i), 0, CANDIDATES - 1)).map((e) => JSON.parse(e) as Recent);
}

/**
 * Up to three earlier initiatives of the same unit and campaign that read alike, most similar first (not
 * withdrawn ones, nor duplicates merged into another, which shows instead); a trade secret shows only its code.
 */
export async function similarTo(
  redis: Redis,
  i: Comparable,
  limit = 3,
): Promise<{ code: string; title: string; score: number }[]> {
  const mine = wordsOf(textOf(i));
  const scored = (await recentOf(redis, i))
    .filter((c) => c.code !== i.code)
    .map((c) => ({ ...c, score: jaccard(mine, new Set(c.words.split(' ').filter(Boolean))) }))
    .filter((c) => c.score >= SIMILAR_THRESHOLD)
    .sort((a, b) => b.score - a.score);
  // Their status and secrecy may have changed since: read the few that match.
  const found: { code: string; title: string; score: number }[] = [];
  for (const c of scored) {
    if (found.length >= limit) break;
    const doc = await InitiativeModel.findById(c.id).select({ title: 1, status: 1, confidential: 1 }).lean();
    if (doc && doc.status !== 'withdrawn' && doc.status !== 'merged')
      found.push({ code: c.code, title: doc.confidential ? '🔒' : doc.title, score: c.score });
  }
  return found;
}
