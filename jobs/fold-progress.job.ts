import type { Deps } from '../src/deps.js';
import { fold } from '../src/services/progress.service.js';

const LOCK = 'lock:fold-progress';
const LOCK_MS = 5 * 60_000;

/** Adds new progress entries into the counters; a Redis lock keeps it to one folder at a time. */
export async function foldProgress(deps: Pick<Deps, 'redis'>): Promise<number> {
  if ((await deps.redis.set(LOCK, '1', 'PX', LOCK_MS, 'NX')) === null) return 0;
  try {
    let total = 0;
    for (let n = await fold(); n > 0; n = await fold()) total += n;
    return total;
  } finally {
    await deps.redis.del(LOCK);
  }
}
