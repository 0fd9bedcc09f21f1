import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { ProgressView, laggingChildren } from '../../src/services/progress-report.service.js';
import type { FlowCtx } from '../flows/engine.js';
import { withPendingQuestion } from '../reprompt.js';
import { askedUnit, noCampaign } from './progress.js';

/** /lagging [unitCode]: the child units behind a steady pace in the running campaign (the unit as for /progress). */
export async function lagging(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const asked = await askedUnit(ctx, args);
  if ('answer' in asked) return asked.answer;
  const { unit } = asked;
  const view = new ProgressView(ctx.deps.redis, ctx.deps.clock.now());
  const campaign = await view.campaignFor(unit);
  if (!campaign) return noCampaign(ctx, unit);
  const behind = await laggingChildren(view, unit, campaign);
  const lines =
    behind.length > 0
      ? [msg('lagging-title', { unit: unit.name, count: behind.length }), ...behind]
      : [msg('lagging-none', { unit: unit.name })];
  return withPendingQuestion(ctx, [reply(lines)]);
}
