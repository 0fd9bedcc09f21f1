/**
 * Start-up cannot go on, for a reason the person running the bot can fix: the message is one line
 * saying what was tried and what to do, printed instead of a stack trace.
 */
export class StartupError extends Error {}

/** Start-up checks give up after this long rather than hang (grammY and the drivers retry for minutes). */
export const STARTUP_CHECK_MS = 10_000;

/** "mongodb://user:pass@host/db" -> "mongodb://host/db": where it tried, without the password. */
export function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//');
  }
}
