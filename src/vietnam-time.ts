// Vietnam has kept UTC+7 with no daylight saving since 1975, so a fixed offset is exact.
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The Vietnam calendar day of an instant, as that day's 00:00 UTC (how campaign dates are stored). */
export function vietnamDay(now: Date): Date {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

export const vietnamYear = (now: Date): number => vietnamDay(now).getUTCFullYear();

/** ISO-8601 week of an instant in Vietnam, e.g. "2026-W48" (weeks start on Monday). */
export function isoWeek(now: Date): string {
  const day = vietnamDay(now);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The calendar quarter of an instant in Vietnam, e.g. "2026-Q4". */
export function vietnamQuarter(now: Date): string {
  const day = vietnamDay(now);
  return `${day.getUTCFullYear()}-Q${Math.floor(day.getUTCMonth() / 3) + 1}`;
}

/** First and last day (00:00 UTC dates) of the quarter before the one `now` is in, and its name. */
export function previousQuarter(now: Date): { name: string; first: Date; last: Date } {
  const day = vietnamDay(now);
  const startMonth = Math.floor(day.getUTCMonth() / 3) * 3 - 3;
  const first = new Date(Date.UTC(day.getUTCFullYear(), startMonth, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 3, 0));
  return { name: vietnamQuarter(first), first, last };
}
