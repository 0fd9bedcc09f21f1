import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { unitName } from '../../src/services/units.service.js';
import type { FlowCtx } from '../flows/engine.js';
import { withPendingQuestion } from '../reprompt.js';

export async function help(ctx: FlowCtx): Promise<Reply[]> {
  const parts = [msg('help-full'), msg('help-link')];
  if (ctx.state.flow) parts.push(msg('help-in-flow'));
  return withPendingQuestion(ctx, [reply(parts)]);
}

/**
 * Someone the admin gave a role who has not registered as a member writes outside any question: they are
 * no stranger, so they get what their roles let them do (and how to register to send ideas of their own).
 */
export async function staffHelp(ctx: FlowCtx): Promise<Reply[]> {
  const unitsOf = async (role: 'support' | 'officer' | 'admin'): Promise<string> => {
    const codes = ctx.member.roles.filter((r) => r.role === role).map((r) => r.unitCode);
    return codes.length > 0 ? (await Promise.all(codes.map(unitName))).join(', ') : 'none';
  };
  const [support, officer, admin] = await Promise.all([unitsOf('support'), unitsOf('officer'), unitsOf('admin')]);
  return [reply(msg('staff-help', { name: ctx.member.name || '—', support, officer, admin }))];
}
