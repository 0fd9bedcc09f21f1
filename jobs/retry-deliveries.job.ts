import type { Deps } from '../src/deps.js';
import { retryPending } from '../src/services/delivery.service.js';
import { findInitiative } from '../src/services/workflow.service.js';
import { settle } from '../handlers/support/notify.js';

/** A delivery still pending after a minute failed transiently: try it again. */
export const RETRY_AFTER_MS = 60_000;

export async function retryDeliveries(deps: Deps): Promise<number> {
  const outcomes = await retryPending(deps, RETRY_AFTER_MS);
  for (const o of outcomes) {
    if (o.status !== 'unreachable' || !o.item.initiativeCode) continue;
    const i = await findInitiative(o.item.initiativeCode);
    if (i) await settle(deps, i, [o]);
  }
  return outcomes.filter((o) => o.status === 'sent').length;
}
