import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { findUnitByTypedCode, type UnitRecord } from '../../src/services/units.service.js';
import type { FlowCtx } from '../flows/engine.js';
import { withPendingQuestion } from '../reprompt.js';
import { progressReport, progressCharts, ProgressView } from '../../src/services/progress-report.service.js';

/**
 * The unit a progress command asks about: the code typed, else the unit of the member's first role, or
 * their own. Progress is public, as the unions want results "public, transparent and timely".
 */
export async function askedUnit(ctx: FlowCtx, args: string): Promise<{ unit: UnitRecord } | { answer: Reply[] }> {
  const code = args.trim() || ctx.member.roles[0]?.unitCode || ctx.member.unitCode;
  const unit = code ? await findUnitByTypedCode(code) : null;
  return unit
    ? { unit }
    : {
        answer: await withPendingQuestion(ctx, [
          reply(msg(code ? 'linkgroup-unknown-unit' : 'progress-usage', { code: code ?? '' })),
        ]),
      };
}

export const noCampaign = (ctx: FlowCtx, unit: UnitRecord): Promise<Reply[]> =>
  withPendingQuestion(ctx, [reply(msg('progress-no-campaign', { unit: unit.name }))]);

/** /progress [unitCode]: a unit's numbers in its running campaign, with the chart of its child units and its weekly trend. */
export async function progress(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const asked = await askedUnit(ctx, args);
  if ('answer' in asked) return asked.answer;
  const { unit } = asked;
  const view = new ProgressView(ctx.deps.redis, ctx.deps.clock.now());
  const campaign = await view.campaignFor(unit);
  const report = campaign ? await progressReport(view, unit, campaign) : null;
  if (!campaign || !report) return noCampaign(ctx, unit);
  const charts = await progressCharts(view, unit, campaign);
  return withPendingQuestion(ctx, [reply(report, charts.length > 0 ? { charts } : {})]);
}
