import type { Clock } from '../core/time.js';
import { VIETNAM_OFFSET_MS, vietnamDay } from '../core/time.js';

const DAY = 86_400_000;

/** Where the playground's clock can jump: the moments the scheduled jobs act on (Vietnam time). */
export const JUMPS = ['next-monday-0730', 'tomorrow-0800'] as const;
export type Jump = (typeof JUMPS)[number];

/** The instant `minutes` after midnight of a Vietnam day (given as its 00:00 UTC date). */
const atVietnamTime = (day: Date, minutes: number): Date =>
  new Date(day.getTime() + minutes * 60_000 - VIETNAM_OFFSET_MS);

/** The next Monday 07:30 in Vietnam strictly after `now` (the weekly ping's default time). */
export function nextMonday0730(now: Date): Date {
  const today = vietnamDay(now);
  const weekday = (today.getUTCDay() + 6) % 7; // Monday 0
  const thisWeek = atVietnamTime(new Date(today.getTime() - weekday * DAY), 7 * 60 + 30);
  return thisWeek > now ? thisWeek : new Date(thisWeek.getTime() + 7 * DAY);
}

/** Tomorrow 08:00 in Vietnam (lagging-unit nudges and pledge reminders run daily at 08:00). */
export const tomorrow0800 = (now: Date): Date => atVietnamTime(new Date(vietnamDay(now).getTime() + DAY), 8 * 60);

/**
 * Real time shifted by what the person jumped over: it keeps running, so delays and timers behave,
 * and the bot, its jobs and both fake messengers all read it.
 */
export class PlaygroundClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  nowMs = (): number => Date.now() + this.offsetMs;

  /** Moves to `jump` (only forward) and returns the new time. */
  jump(jump: Jump): Date {
    const now = this.now();
    const to = jump === 'next-monday-0730' ? nextMonday0730(now) : tomorrow0800(now);
    this.offsetMs += to.getTime() - now.getTime();
    return to;
  }
}
