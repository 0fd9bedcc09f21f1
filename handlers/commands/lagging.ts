import { msg } from '../../src/i18n.js';
import { reply, type Reply } from '../../src/channels/types.js';
import { findUnitByTypedCode } from '../../src/services/units.service.js';
import { vietnamDay } from '../../src/vietnam-time.js';
import type { FlowCtx } from '../flows/engine.js';
import { withPendingQuestion } from '../reprompt.js';
import { laggingChildren, runningCampaign } from '../support/weekly-details.js';

/** /lagging [unitCode]: the child units behind a steady pace in the running campaign (the unit as for /progress). */
export async function lagging(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const code = args.trim() || ctx.member.roles[0]?.unitCode || ctx.member.unitCode;
  const unit = code ? await findUnitByTypedCode(code) : null;
  if (!unit) return withPendingQuestion(ctx, [reply(msg(code ? 'linkgroup-unknown-unit' : 'progress-usage', { code: code ?? '' }))]);
  const now = ctx.deps.clock.now();
  const campaign = await runningCampaign(unit, now);
  if (!campaign) return withPendingQuestion(ctx, [reply(msg('progress-no-campaign', { unit: unit.name }))]);
  const behind = await laggingChildren(unit, campaign, vietnamDay(now));
  const lines = behind.length > 0 ? [msg('lagging-title', { unit: unit.name, count: behind.length }), ...behind] : [msg('lagging-none', { unit: unit.name })];
  return withPendingQuestion(ctx, [reply(lines)]);
}
