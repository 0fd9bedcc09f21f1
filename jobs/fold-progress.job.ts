import type { Deps } from '../src/deps.js';
import { foldPending } from '../src/services/progress.service.js';

/** Adds the pending progress entries into the counters (one folder at a time; the service holds a lock). */
export async function foldProgress(deps: Pick<Deps, 'redis'>): Promise<number> {
  return foldPending(deps.redis);
}
