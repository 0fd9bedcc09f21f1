import { Types } from 'mongoose';
import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { NudgeModel } from '../../src/models/index.js';
import { hasRole } from '../../src/services/support.service.js';
import type { FlowCtx } from '../flows/engine.js';

/** "Got it" on a nudge: it counts as answered, so the parent unit is not told. */
export async function acknowledgeNudge(ctx: FlowCtx, data: string): Promise<Reply[]> {
  const id = data.slice(2);
  const nudge = Types.ObjectId.isValid(id) ? await NudgeModel.findById(id).lean() : null;
  if (!nudge) {
    ctx.notice = msg('flow-stale-button');
    return [];
  }
  if (!hasRole(ctx.member, 'officer', nudge.unitCode) && !hasRole(ctx.member, 'support', nudge.unitCode)) {
    ctx.notice = msg('support-not-allowed');
    return [];
  }
  if (!nudge.answeredAt) await NudgeModel.updateOne({ _id: nudge._id }, { $set: { answeredAt: ctx.deps.clock.now() } });
  return [reply(msg('nudge-thanks'))];
}
