import { fail, ok, type Result } from './result.js';
/** Parsing and formatting of amounts in Vietnamese đồng as workers type them ("50tr", "1,2 tỷ", "2 triệu rưỡi"). */

export type ParseVndResult = Result<number, 'empty' | 'not_a_number' | 'not_positive' | 'too_large'>;

const MAX_VND = 1e15;

const UNITS: Record<string, number> = { ty: 1e9, ti: 1e9, trieu: 1e6, tr: 1e6, nghin: 1e3, ngan: 1e3, k: 1e3 };

// One "<number> [unit [rưỡi | shorthand digits]]" group, on accent-free lower-case text with single spaces.
// Shorthand digits ("1tr5") are only taken at the very end, so "1 tỷ 200 triệu" stays two groups.
const GROUP = /(\d+(?:[., ]\d+)*) ?(?:(ty|ti|trieu|tr|nghin|ngan|k)(?: ?(ruoi)| ?(\d+)$)?)? ?/y;

/** Parses an amount of đồng, rounded to a whole đồng. */
export function parseVnd(input: string): ParseVndResult {
  let s = input.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/\s+/g, ' ').trim();
  if (!s) return fail('empty');

  s = s.replace(/^(?:vnd|₫) ?/, '').replace(/ ?(?:vnd|dong|d|₫)$/, '');
  const negative = /^[-−]/.test(s);
  if (negative) s = s.replace(/^[-−] ?/, '');

  const amount = sumGroups(s);
  if (amount === null) return fail('not_a_number');
  const value = Math.round(amount);
  if (negative || value < 1) return fail('not_positive');
  if (value > MAX_VND) return fail('too_large');
  return ok(value);
}

function sumGroups(s: string): number | null {
  if (!s) return null; // nothing left after the currency and sign
  let total = 0;
  let previousUnit = Infinity;
  GROUP.lastIndex = 0;
  while (GROUP.lastIndex < s.length) {
    const start = GROUP.lastIndex;
    const m = GROUP.exec(s);
    const number = m?.[1] === undefined ? null : toDecimal(m[1]);
    if (!m || !number) return null;
    const [, , unitName, half, shorthand] = m;

    if (!unitName) {
      // A bare number is only valid as the whole input.
      if (start !== 0 || GROUP.lastIndex !== s.length) return null;
      return Number(`${number.int}.${number.frac}`);
    }
    const unit = UNITS[unitName] ?? NaN;
    if (unit >= previousUnit) return null; // "200 triệu 1 tỷ"
    previousUnit = unit;

    if (shorthand !== undefined) {
      // "1tr25": the digits after the unit continue the number as its fraction.
      if (number.frac) return null;
      total += Number(`${number.int}.${shorthand}`) * unit;
    } else {
      total += (Number(`${number.int}.${number.frac}`) + (half ? 0.5 : 0)) * unit;
    }
  }
  return total;
}

/**
 * Reads "1.234.567", "1,234,567", "1 234 567", "1,5", "1.234,5" or "1,234.5" as digits before and after
 * the decimal point. Vietnamese groups thousands with "." and writes decimals with ",", but English style
 * is common too, so: the last separator is a decimal point when it occurs once and either the other kind
 * is also present or it is not followed by exactly three digits; otherwise all separators group thousands.
 */
function toDecimal(raw: string): { int: string; frac: string } | null {
  const at = Math.max(raw.lastIndexOf('.'), raw.lastIndexOf(','));
  let int = raw;
  let frac = '';
  if (at >= 0) {
    const mark = raw.charAt(at);
    const before = raw.slice(0, at);
    const after = raw.slice(at + 1);
    const mixed = /[.,]/.test(before.replaceAll(mark, ''));
    // "0.500" or "1234.567" cannot be thousands groups, so their separator is a decimal point.
    const decimal = !before.includes(mark) && (mixed || after.length !== 3 || !isGrouped(raw));
    if (decimal) {
      if (!/^\d+$/.test(after)) return null;
      int = before;
      frac = after;
    }
  }
  if (!/^\d+$/.test(int) && !isGrouped(int)) return null;
  return { int: int.replace(/\D/g, ''), frac };
}

function isGrouped(s: string): boolean {
  return !(s.includes('.') && s.includes(',')) && /^[1-9]\d{0,2}(?:[., ]\d{3})+$/.test(s);
}

const formats = {
  vi: new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' }),
  en: new Intl.NumberFormat('en-US', { style: 'currency', currency: 'VND' }),
};

/** "50.000.000 ₫" (vi, with a no-break space) or "₫50,000,000" (en). */
export function formatVnd(value: number, locale: 'vi' | 'en'): string {
  return formats[locale].format(value);
}
