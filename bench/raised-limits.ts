// The real worker (src/main.ts worker) with Telegram's bot-wide pace raised to BENCH_TELEGRAM_PER_SECOND,
// for the 20,000-officer fan-out against the fake Telegram at the same fake limit. The worker reads its
// pacer limits from src/delivery/pacer.ts LIMITS and has no setting for them, hence this entry.
import { LIMITS } from '../src/delivery/pacer.js';

const perSecond = Number(process.env.BENCH_TELEGRAM_PER_SECOND);
if (!(perSecond > 0)) throw new Error('BENCH_TELEGRAM_PER_SECOND must be a positive number');
LIMITS.telegram.all = { intervalMs: 1000 / perSecond, burst: 1 }; // evenly spaced, as the real pace is
await import('../src/main.js');
