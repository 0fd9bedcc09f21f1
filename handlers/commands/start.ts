import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { findUnit, findUnitByTypedCode } from '../../src/services/units.service.js';
import type { FlowCtx } from '../flows/engine.js';
import { flows } from '../flows/index.js';
import { isRegistered, withPendingQuestion } from '../reprompt.js';

/** /start, or the deep link t.me/<bot>?start=<unitCode> that a union shares with its members. */
export async function start(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const linked = args ? await findUnitByTypedCode(args) : null;
  const preset = linked?.level === 'grassroots' ? linked.code : null;
  const intro = args && !preset ? [reply(msg('start-link-unknown-unit', { code: args }))] : [];

  if (isRegistered(ctx) && !preset) {
    const unit = await findUnit(ctx.member.unitCode!);
    const welcome = reply([
      msg('start-welcome-back', { name: ctx.member.name, unit: unit?.name ?? ctx.member.unitCode! }),
      msg('help-short'),
    ]);
    return withPendingQuestion(ctx, [...intro, welcome]);
  }
  return flows.start(ctx, 'register', preset ? { unitCode: preset } : {}, [...intro, reply(msg('start-welcome'))]);
}
