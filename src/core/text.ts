/** Text helpers for user input and outgoing chat messages. Pure functions, no dependencies. */

// C0/C1 control characters except \n (tabs and CR are converted before this runs).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Zero-width characters, directional marks/overrides/isolates and the BOM.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Normalises user text before it is stored. */
export function cleanText(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .normalize('NFC') // after removals, so a mark separated by a zero-width char still composes
    .replace(/[^\S\n]+$/gm, '')
    .replace(/\n{4,}/g, '\n\n') // 3+ blank lines (4+ newlines once lines are trimmed) → one blank line
    .trim();
}

/** True when the text has at least one letter or digit; emoji, punctuation or whitespace alone is not an answer. */
export function hasContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Lower-case, accent-free form for search: "CÔNG  TY-MAY" → "cong ty may". */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase() // first: lower-casing some letters (e.g. "İ") produces combining marks, dropped below
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Escapes text for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** At most `max` code points, ending with '…' when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max < 1) return '';
  return chars.slice(0, max - 1).join('') + '…';
}

// Unbreakable pieces: a tag, an HTML entity, a surrogate pair, or any other single UTF-16 unit.
const ATOM = /<\/?[a-z][^<>]*>|&(?:#\d+|#x[\da-f]+|[a-z]+);|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/gi;
const TAG = /^<(\/?)([a-z][\w-]*)/i;
// Tags that must be closed at a break and reopened in the next part (Telegram's paired tags).
const PAIRED = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'code',
  'pre',
  'a',
  'span',
  'tg-spoiler',
  'blockquote',
]);

interface OpenTag {
  name: string;
  tag: string; // the opening tag as written, attributes included
}

/**
 * Splits a message into parts of at most `max` UTF-16 units (markup included), breaking preferably
 * at a blank line, then a newline, then a space. HTML tags open at a break are closed at the end of
 * the part and reopened at the start of the next one. Separators stay at the end of the part before
 * the break, so joining the parts (minus the added tags) gives back the text.
 * A part only exceeds `max` when a single tag or the tags to reopen and close cannot fit at all.
 */
export function splitMessage(text: string, max = 4096): string[] {
  if (text.length <= max) return [text];
  const atoms = text.match(ATOM) ?? [];

  // stacks[k] = tags open before atoms[k]; arrays are replaced, never mutated, so they can be shared.
  const stacks: OpenTag[][] = [];
  let open: OpenTag[] = [];
  for (const atom of atoms) {
    stacks.push(open);
    const m = TAG.exec(atom);
    const name = m?.[2]?.toLowerCase();
    if (!m || !name || !PAIRED.has(name)) continue;
    if (!m[1]) open = [...open, { name, tag: atom }];
    else {
      const at = open.map((t) => t.name).lastIndexOf(name);
      if (at >= 0) open = open.filter((_, j) => j !== at);
    }
  }
  stacks.push(open);
  const stackAt = (k: number): OpenTag[] => stacks[k] ?? [];
  const closers = (k: number): string =>
    stackAt(k)
      .map((t) => `</${t.name}>`)
      .reverse()
      .join('');

  const parts: string[] = [];
  let start = 0;
  while (start < atoms.length) {
    const reopen = stackAt(start)
      .map((t) => t.tag)
      .join('');
    const best = { blank: 0, line: 0, space: 0, any: 0 };
    let length = reopen.length;
    let end = 0;
    for (let k = start + 1; k <= atoms.length; k++) {
      const atom = atoms[k - 1] ?? '';
      length += atom.length;
      if (length > max) break;
      if (length + closers(k).length > max) continue;
      if (k === atoms.length) end = k;
      best.any = k;
      if (/^\s$/.test(atom)) best.space = k;
      if (atom === '\n') best.line = k;
      if (atom === '\n' && atoms[k - 2] === '\n') best.blank = k;
    }
    end ||= best.blank || best.line || best.space || best.any || start + 1;
    parts.push(reopen + atoms.slice(start, end).join('') + closers(end));
    start = end;
  }
  return parts;
}
