const DAY = 86_400_000;

/**
 * What a steady pace expects by `now`: the target spread evenly over the campaign's days, counting the
 * current day as done at its end. Campaign dates are Vietnam calendar days stored at 00:00 UTC.
 */
export function expectedByPace(target: number, start: Date, end: Date, today: Date): number {
  const days = Math.round((end.getTime() - start.getTime()) / DAY) + 1;
  const elapsed = Math.min(days, Math.max(0, Math.round((today.getTime() - start.getTime()) / DAY) + 1));
  return Math.round((target * elapsed) / days);
}

export const isLagging = (actual: number, expected: number, threshold: number): boolean => actual < threshold * expected;

export const daysLeft = (end: Date, today: Date): number => Math.max(0, Math.round((end.getTime() - today.getTime()) / DAY));
