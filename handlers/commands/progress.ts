import { msg } from '../../src/i18n.js';
import { reply, type Reply } from '../../src/channels/types.js';
import { CampaignModel, TargetModel, type InitiativeStatus } from '../../src/models/index.js';
import { activeCampaignFor } from '../../src/services/campaigns.service.js';
import { progressOf, statusMetric, weekMetric } from '../../src/services/progress.service.js';
import { findUnit, findUnitByTypedCode } from '../../src/services/units.service.js';
import { isoWeek } from '../../src/vietnam-time.js';
import type { FlowCtx } from '../flows/engine.js';
import { withPendingQuestion } from '../reprompt.js';

const COUNTED: InitiativeStatus[] = ['submitted', 'in_review', 'needs_info', 'accepted', 'recognized', 'replicated', 'rejected'];
const ACCEPTED: InitiativeStatus[] = ['accepted', 'recognized', 'replicated'];

/**
 * /progress [unitCode]: a unit's numbers in its running campaign, read from the counters. Progress is
 * public, as the unions want results "public, transparent and timely"; without a code it is the unit
 * of the member's first role, or their own.
 */
export async function progress(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const code = args.trim() || ctx.member.roles[0]?.unitCode || ctx.member.unitCode;
  const unit = code ? ((await findUnitByTypedCode(code)) ?? (await findUnit(code))) : null;
  if (!unit) return withPendingQuestion(ctx, [reply(msg(code ? 'linkgroup-unknown-unit' : 'progress-usage', { code: code ?? '' }))]);
  const campaignCode = await activeCampaignFor([...unit.ancestors, unit.code], ctx.deps.clock.now());
  if (!campaignCode) return withPendingQuestion(ctx, [reply(msg('progress-no-campaign', { unit: unit.name }))]);
  const [counts, campaign, target] = await Promise.all([
    progressOf(campaignCode, unit.code),
    CampaignModel.findOne({ code: campaignCode }).lean(),
    TargetModel.findOne({ campaignCode, unitCode: unit.code }).lean(),
  ]);
  const sum = (statuses: InitiativeStatus[]) => statuses.reduce((n, s) => n + (counts.get(statusMetric(s)) ?? 0), 0);
  const total = sum(COUNTED);
  return withPendingQuestion(ctx, [
    reply(
      msg('progress-report', {
        unit: unit.name,
        campaign: campaign?.name ?? campaignCode,
        total,
        week: counts.get(weekMetric(isoWeek(ctx.deps.clock.now()))) ?? 0,
        accepted: sum(ACCEPTED),
        recognized: sum(['recognized', 'replicated']),
        target: target?.target ?? 0,
        percent: target ? Math.round((100 * total) / target.target) : 0,
      }),
    ),
  ]);
}
