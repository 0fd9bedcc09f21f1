import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import type { FlowCtx } from '../flows/engine.js';
import { flows, leaveFlow } from '../flows/index.js';
import { isRegistered } from '../reprompt.js';

/** /submit: the full initiative form, or the draft left with /cancel. */
export async function submit(asked: FlowCtx): Promise<Reply[]> {
  if (!isRegistered(asked)) return [reply(msg('need-registration'))];
  if (asked.state.flow === 'submit') return [reply(msg('submit-already')), await flows.prompt(asked)];
  const ctx = await leaveFlow(asked);
  if (ctx.state.paused?.flow === 'submit') {
    return flows.resumePaused(ctx, [reply(msg('submit-resumed')), reply(msg('submit-resumed-restart'))]);
  }
  return flows.start(ctx, 'submit', {}, [reply(msg('submit-intro'))]);
}
