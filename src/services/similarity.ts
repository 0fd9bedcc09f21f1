import { InitiativeModel } from '../models/index.js';
import { foldForSearch } from '../core/text.js';
import type { InitiativeDoc } from './workflow.service.js';

/** Words that say nothing about an idea ("của", "và", "the"...): short ones, after folding accents. */
const MIN_WORD = 3;

export const wordsOf = (text: string): Set<string> => new Set(foldForSearch(text).split(' ').filter((w) => w.length >= MIN_WORD));

/** Jaccard similarity of the accent- and case-free word sets: 0 (nothing shared) to 1 (same words). */
export function similarity(a: string, b: string): number {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}

const textOf = (i: Pick<InitiativeDoc, 'title' | 'idea' | 'problem' | 'solution'>): string => [i.title, i.idea, i.problem, i.solution].join(' ');

export const SIMILAR_THRESHOLD = 0.3;
/** How far back to look: recent initiatives of the unit and campaign, a bounded read. */
const CANDIDATES = 300;

/** Up to three earlier initiatives of the same unit and campaign that read alike, most similar first; a trade secret shows only its code. */
export async function similarTo(i: InitiativeDoc, limit = 3): Promise<{ code: string; title: string; score: number }[]> {
  const candidates = await InitiativeModel.find({ unitCode: i.unitCode, campaignCode: i.campaignCode ?? null, code: { $ne: i.code } })
    .sort({ seq: -1 })
    .limit(CANDIDATES)
    .select({ code: 1, title: 1, idea: 1, problem: 1, solution: 1, status: 1, confidential: 1 })
    .lean();
  const mine = textOf(i);
  return candidates
    .filter((c) => c.status !== 'withdrawn')
    .map((c) => ({ code: c.code, title: c.confidential ? '🔒' : c.title, score: similarity(mine, textOf(c)) }))
    .filter((c) => c.score >= SIMILAR_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
