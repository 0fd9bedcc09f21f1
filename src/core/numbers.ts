import type { Locale } from './channel.js';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * A number as the reader writes it: Vietnamese groups thousands with a dot and writes decimals with a
 * comma ("1.200", "2,33"); English the other way round ("1,200", "2.33"). `decimals`: at most this many
 * fraction digits (default none).
 */
export function formatNumber(locale: Locale, n: number, decimals = 0): string {
  const key = `${locale}:${decimals}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: decimals });
    formats.set(key, format);
  }
  return format.format(n);
}

/**
 * `actual` as a percentage of `target`, to show: one decimal below 10 % (a province's first 150 of 60,000
 * is 0.3 %, not 0 %), whole from there on. 0 without a target.
 */
export function percentOf(actual: number, target: number): number {
  if (!(target > 0)) return 0;
  const percent = (100 * actual) / target;
  return percent < 10 ? Math.round(percent * 10) / 10 : Math.round(percent);
}
