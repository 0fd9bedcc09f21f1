import { DAY_MS, VIETNAM_OFFSET_MS, vietnamDay } from './time.js';

export interface PingSetting {
  /** 1 = Monday ... 7 = Sunday. */
  day: number;
  /** Minutes after midnight, Vietnam time. */
  minute: number;
  off: boolean;
}

export const DEFAULT_PING: PingSetting = { day: 1, minute: 7 * 60 + 30, off: false };

/** When this week's ping falls due (Vietnam week, Monday first), as an instant. */
export function pingDueThisWeek(now: Date, setting: PingSetting): Date {
  const today = vietnamDay(now);
  const weekday = (today.getUTCDay() + 6) % 7;
  const monday = today.getTime() - weekday * DAY_MS;
  return new Date(monday + (setting.day - 1) * DAY_MS + setting.minute * 60_000 - VIETNAM_OFFSET_MS);
}

export interface QuietHours {
  /** Hour (0-23, Vietnam time) quiet hours start and end. */
  from: number;
  to: number;
}

export const DEFAULT_QUIET: QuietHours = { from: 21, to: 7 };

/** True while nothing proactive may be sent: quiet hours wrap past midnight when from > to. */
export function inQuietHours(now: Date, quiet: QuietHours): boolean {
  const hour = new Date(now.getTime() + VIETNAM_OFFSET_MS).getUTCHours();
  return quiet.from > quiet.to ? hour >= quiet.from || hour < quiet.to : hour >= quiet.from && hour < quiet.to;
}

/** The end of the quiet hours `now` falls in: the next `to` o'clock, Vietnam time. */
export function quietEndsAt(now: Date, quiet: QuietHours): Date {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), quiet.to) - VIETNAM_OFFSET_MS;
  return new Date(end > now.getTime() ? end : end + DAY_MS);
}

/** "22-6", "21 - 7" → quiet hours; null when it cannot be read (hours 0-23, two different ones). */
export function parseQuietHours(text: string): QuietHours | null {
  const match = /^\s*(\d{1,2})\s*[-–]\s*(\d{1,2})\s*$/.exec(text);
  if (!match) return null;
  const from = Number(match[1]);
  const to = Number(match[2]);
  return from <= 23 && to <= 23 && from !== to ? { from, to } : null;
}

/** "t2 7:30", "mon 07:30", "cn 20:00" → a setting; null when it cannot be read. */
export function parsePingSetting(text: string): PingSetting | null {
  const match = /^\s*(t2|t3|t4|t5|t6|t7|cn|mon|tue|wed|thu|fri|sat|sun)\s+(\d{1,2})[:h](\d{2})\s*$/i.exec(text);
  if (!match) return null;
  const days = ['t2', 't3', 't4', 't5', 't6', 't7', 'cn'];
  const english = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const name = match[1]!.toLowerCase();
  const day = (days.includes(name) ? days.indexOf(name) : english.indexOf(name)) + 1;
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  if (hour > 23 || minute > 59) return null;
  return { day, minute: hour * 60 + minute, off: false };
}
