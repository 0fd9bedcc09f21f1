// The real bot or worker (src/main.ts) with the pacer's Telegram limits raised, for runs against the fake
// Telegram with its flood limits raised or off: BENCH_TELEGRAM_PER_SECOND bot-wide (the 20,000-officer
// fan-out), and BENCH_UNPACED_CHATS=true to lift the per-chat limits too (the ceiling, where each user
// writes again as soon as answered, faster than Telegram's 1 message a second per chat would allow).
// The pacer has no setting for these (src/delivery/pacer.ts LIMITS), hence this entry.
import { LIMITS } from '../src/delivery/pacer.js';

const perSecond = Number(process.env.BENCH_TELEGRAM_PER_SECOND);
if (!(perSecond > 0)) throw new Error('BENCH_TELEGRAM_PER_SECOND must be a positive number');
LIMITS.telegram.all = { intervalMs: 1000 / perSecond, burst: 1 }; // evenly spaced, as the real pace is
if (process.env.BENCH_UNPACED_CHATS === 'true') {
  LIMITS.telegram.private = { intervalMs: 1, burst: 1000 };
  LIMITS.telegram.group = { intervalMs: 1, burst: 1000 };
}
await import('../src/main.js');
