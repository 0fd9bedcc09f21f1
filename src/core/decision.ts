import { parseDay } from './time.js';

/** What a support member typed for the council's decision: its number, and its date when the line has one. */
export type DecisionLine =
  | { kind: 'ok'; number: string; date: Date | null }
  /** Only a date, no number. */
  | { kind: 'no-number' }
  /** Something written as a date that is no real day ("32/13/2026"), as typed. */
  | { kind: 'not-a-day'; typed: string };

const NUMBER_MAX = 60;

// "20/11/2026", "20-11-2026", "20.11.2026", "2026-11-20", or "ngày 20 tháng 11 năm 2026" (how decisions are dated).
const DATE =
  /(?:(?:ngày|ngay|dated|of)\s+)?(?<!\d)(?:(\d{1,2})\s+(?:tháng|thang)\s+(\d{1,2})\s+(?:năm|nam)\s+(\d{4})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})|(\d{4})-(\d{1,2})-(\d{1,2}))(?!\d)/iu;
// "Quyết định số", "QĐ số", "Số", "No." before the number; separators around what is left.
const NUMBER_PREFIX = /^(?:(?:quyết định|quyet dinh|qđ|decision)\s+)?(?:số|so|no\.?|number)\s*[:.]?\s*/iu;
const EDGES = /^[\s,;:–—-]+|[\s,;:–—-]+$/gu;
// A date's word left without its date ("15/QĐ-HĐSK ngày").
const DATE_WORD = /\s+(?:ngày|ngay|dated|of)$/iu;

/**
 * Reads a decision line: "15/QĐ-HĐSK ngày 20/11/2026", "Số 15/QĐ-HĐSK", or a bare date for the second
 * question. A number has at least one digit; the date, when there is one, must be a real day.
 */
export function parseDecisionLine(text: string): DecisionLine {
  const found = DATE.exec(text);
  const date = found ? dayOf(found) : null;
  if (found && !date) return { kind: 'not-a-day', typed: found[0].trim() };
  const rest = (found ? text.slice(0, found.index) + ' ' + text.slice(found.index + found[0].length) : text)
    .replace(/\s+/g, ' ')
    .replace(EDGES, '')
    .replace(DATE_WORD, '')
    .replace(NUMBER_PREFIX, '')
    .replace(EDGES, '');
  if (!/\d/.test(rest) || [...rest].length > NUMBER_MAX) return { kind: 'no-number' };
  return { kind: 'ok', number: rest, date };
}

/** A typed date alone (the second question): the day, or why not. */
export function parseDecisionDate(text: string): { kind: 'ok'; date: Date } | { kind: 'not-a-day'; typed: string } {
  const found = DATE.exec(text);
  const date = found ? dayOf(found) : null;
  return date ? { kind: 'ok', date } : { kind: 'not-a-day', typed: (found?.[0] ?? text).trim() };
}

function dayOf(m: RegExpExecArray): Date | null {
  const [d, mo, y] = m[1] ? [m[1], m[2], m[3]] : m[4] ? [m[4], m[5], m[6]] : [m[9], m[8], m[7]];
  return parseDay(`${d}/${mo}/${y}`);
}
