import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { findPledge, pledgesOf, selfCheckDone } from '../../src/services/pledges.service.js';
import { activeCampaignFor } from '../../src/services/campaigns.service.js';
import { findUnit, findUnitByTypedCode, pathOf } from '../../src/services/units.service.js';
import { DAY_MS, daysLeft, formatDay, vietnamDay } from '../../src/core/time.js';
import type { FlowCtx } from '../flows/engine.js';
import { flows, leaveFlow } from '../flows/index.js';

const officerUnit = (ctx: FlowCtx): string | undefined => ctx.member.roles.find((r) => r.role === 'officer')?.unitCode;

/** /pledge: an officer records a pledge for their unit in the running campaign. */
export async function pledge(ctx: FlowCtx): Promise<Reply[]> {
  const unitCode = officerUnit(ctx);
  if (!unitCode) return [reply(msg('ping-not-officer'))];
  const unit = await findUnit(unitCode);
  const campaignCode = unit ? await activeCampaignFor(pathOf(unit), ctx.deps.clock.now()) : null;
  if (!unit || !campaignCode) return [reply(msg('progress-no-campaign', { unit: unit?.name ?? unitCode }))];
  return flows.start(await leaveFlow(ctx), 'pledge', { unitCode, campaignCode });
}

/** /pledges [unitCode]: a unit's pledges, their due dates and whether they are overdue. */
export async function pledges(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const code = args.trim() || officerUnit(ctx) || ctx.member.unitCode;
  const unit = code ? await findUnitByTypedCode(code) : null;
  if (!unit) return [reply(msg('linkgroup-unknown-unit', { code: code ?? '' }))];
  const list = await pledgesOf(unit.code);
  if (list.length === 0) return [reply(msg('pledges-none', { unit: unit.name }))];
  const today = vietnamDay(ctx.deps.clock.now());
  const lines = list.map((p) =>
    msg('pledges-item', {
      due: formatDay(p.dueDate),
      state: p.dueDate < today ? 'overdue' : p.dueDate.getTime() === today.getTime() ? 'today' : 'left',
      days:
        p.dueDate < today ? Math.round((today.getTime() - p.dueDate.getTime()) / DAY_MS) : daysLeft(p.dueDate, today),
      list: p.commitments.map((c) => `• ${c.text}`).join('\n'),
    }),
  );
  return [reply([msg('pledges-header', { unit: unit.name }), ...lines])];
}

/** The button on a self-check reminder: the unit's officer reports each commitment. */
export async function startSelfCheck(
  ctx: FlowCtx,
  { pledgeId, months }: { pledgeId: string; months: number },
): Promise<Reply[]> {
  const found = await findPledge(pledgeId);
  if (!found || ![6, 12].includes(months)) return [reply(msg('flow-stale-button'))];
  if (!ctx.member.roles.some((r) => r.role === 'officer' && r.unitCode === found.unitCode))
    return [reply(msg('support-not-allowed'))];
  if (await selfCheckDone(found._id, months)) return [reply(msg('selfcheck-already'))];
  const intro = [reply(msg('selfcheck-intro', { months, due: formatDay(found.dueDate) }))];
  const answers = { pledgeId, months, commitments: found.commitments.map((c) => c.text), results: [] };
  return flows.start(await leaveFlow(ctx), 'self-check', answers, intro);
}
