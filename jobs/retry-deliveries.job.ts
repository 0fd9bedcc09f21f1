import type { Deps } from '../src/deps.js';
import { requeueStranded } from '../src/services/delivery.service.js';

/** A delivery pending (or left `sending`) for a minute with no job behind it (a crash, a flushed Redis) is queued again. */
export const STRANDED_AFTER_MS = 60_000;

export async function retryDeliveries(deps: Deps): Promise<number> {
  return requeueStranded(deps, STRANDED_AFTER_MS);
}
