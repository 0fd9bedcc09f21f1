import { msg } from '../../src/core/i18n.js';
import { reply } from '../../src/core/reply.js';
import { findNudge, markNudgeAnswered } from '../../src/services/nudges.service.js';
import { hasRole } from '../../src/services/support.service.js';
import type { FlowCtx, Handled } from '../flows/engine.js';

/** "Got it" on a nudge: it counts as answered, so the parent unit is not told; the button goes from the message. */
export async function acknowledgeNudge(ctx: FlowCtx, nudgeId: string): Promise<Handled> {
  const nudge = await findNudge(nudgeId);
  if (!nudge) return { replies: [], notice: msg('flow-stale-button') };
  if (!hasRole(ctx.member, 'officer', nudge.unitCode) && !hasRole(ctx.member, 'support', nudge.unitCode)) {
    return { replies: [], notice: msg('support-not-allowed') };
  }
  await markNudgeAnswered(nudge._id, ctx.deps.clock.now());
  return { replies: [reply(msg('nudge-thanks'))], closeButtons: true };
}
