/** Time comes from here so tests can move it; services never call Date.now() themselves. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

// Vietnam has kept UTC+7 with no daylight saving since 1975, so a fixed offset is exact.
export const VIETNAM_OFFSET_MS = 7 * HOUR_MS;

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
  const thursday = new Date(day.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
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

/** The quarter `now` is in, from its first day to today's (the quarter so far), and its name. */
export function quarterSoFar(now: Date): { name: string; first: Date; last: Date } {
  const day = vietnamDay(now);
  const first = new Date(Date.UTC(day.getUTCFullYear(), Math.floor(day.getUTCMonth() / 3) * 3, 1));
  return { name: vietnamQuarter(day), first, last: day };
}

/** "31/5/2027", "31/05/2027" or "2027-05-31" → that calendar day at 00:00 UTC; null for no real date. */
export function parseDay(text: string): Date | null {
  const t = text.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = vn
    ? [Number(vn[3]), Number(vn[2]), Number(vn[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  if (!y) return null;
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d ? day : null;
}

/** 2027-05-31 → "31/05/2027", how dates read in Vietnam. */
export const formatDay = (day: Date): string => day.toISOString().slice(0, 10).split('-').reverse().join('/');

/** A phase deadline: by the end of `end` (a calendar day), `percent` of the target should be reached. */
export interface Phase {
  end: Date;
  percent: number;
}

/**
 * What a steady pace expects by `today`: linear from the start to each phase deadline's share, then to
 * the whole target at the campaign's end, counting the current day as done. With no phases, the target
 * spread evenly over the campaign. Dates are Vietnam calendar days stored at 00:00 UTC.
 */
export function expectedByPace(target: number, start: Date, end: Date, today: Date, phases: Phase[] = []): number {
  const points = [
    { day: start.getTime() - DAY_MS, share: 0 },
    ...[...phases]
      .sort((a, b) => a.end.getTime() - b.end.getTime())
      .map((p) => ({ day: p.end.getTime(), share: p.percent / 100 })),
    { day: end.getTime(), share: 1 },
  ];
  const t = Math.min(Math.max(today.getTime(), points[0]!.day), end.getTime());
  const i = points.findIndex((p) => p.day >= t);
  if (i <= 0) return 0;
  const from = points[i - 1]!;
  const to = points[i]!;
  const share = from.share + ((to.share - from.share) * (t - from.day)) / (to.day - from.day);
  return Math.round(target * share);
}

export const isLagging = (actual: number, expected: number, threshold: number): boolean =>
  actual < threshold * expected;

export const daysLeft = (end: Date, today: Date): number =>
  Math.max(0, Math.round((end.getTime() - today.getTime()) / DAY_MS));
