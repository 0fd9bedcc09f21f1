import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import type { FlowCtx } from '../flows/engine.js';
import { withPendingQuestion } from '../reprompt.js';

export async function help(ctx: FlowCtx): Promise<Reply[]> {
  const parts = [msg('help-full'), msg('help-link')];
  if (ctx.state.flow) parts.push(msg('help-in-flow'));
  return withPendingQuestion(ctx, [reply(parts)]);
}
