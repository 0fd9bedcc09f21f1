// Vietnam has kept UTC+7 with no daylight saving since 1975, so a fixed offset is exact.
const OFFSET_MS = 7 * 60 * 60 * 1000;

/** The Vietnam calendar day of an instant, as that day's 00:00 UTC (how campaign dates are stored). */
export function vietnamDay(now: Date): Date {
  const local = new Date(now.getTime() + OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

export const vietnamYear = (now: Date): number => vietnamDay(now).getUTCFullYear();
