const DAY = 86_400_000;

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
    { day: start.getTime() - DAY, share: 0 },
    ...[...phases].sort((a, b) => a.end.getTime() - b.end.getTime()).map((p) => ({ day: p.end.getTime(), share: p.percent / 100 })),
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

export const isLagging = (actual: number, expected: number, threshold: number): boolean => actual < threshold * expected;

export const daysLeft = (end: Date, today: Date): number => Math.max(0, Math.round((end.getTime() - today.getTime()) / DAY));
