import { msg, type Msg } from '../../src/core/i18n.js';
import { fail, ok, type Result } from '../../src/core/result.js';
import { cleanText, foldForSearch, hasContent } from '../../src/core/text.js';
import type { StepInput } from './engine.js';

export type Read<T> = Result<T, Msg>;

const SKIP_WORDS = new Set(['bo qua', 'skip', 'khong', 'khong co', 'none']);
const DONE_WORDS = new Set(['xong', 'done', 'hoan tat', 'het', 'finish']);

/** A typed answer, cleaned (NFC, no control characters) and checked for real content and length. */
export function readText(input: StepInput, max: number): Read<string> {
  if (input.kind !== 'text') return fail(msg('flow-expected-text'));
  const text = cleanText(input.text);
  if (!hasContent(text)) return fail(msg('flow-empty-answer'));
  const length = [...text].length;
  if (length > max) return fail(msg('flow-too-long', { max, length }));
  return ok(text);
}

/** "bỏ qua", "skip", "-" or the Skip button. */
export const isSkip = (input: StepInput): boolean =>
  (input.kind === 'button' && input.data === 'skip') ||
  (input.kind === 'text' && (input.text.trim() === '-' || SKIP_WORDS.has(foldForSearch(input.text))));

/** "xong", "done" or the Done button. */
export const isDone = (input: StepInput): boolean =>
  (input.kind === 'button' && input.data === 'done') || (input.kind === 'text' && DONE_WORDS.has(foldForSearch(input.text)));

export const buttonValue = (input: StepInput): string | null => (input.kind === 'button' ? input.data : null);
