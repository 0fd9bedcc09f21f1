import { msg } from '../../src/i18n.js';
import { reply, type Reply } from '../../src/channels/types.js';
import type { FlowCtx } from '../flows/engine.js';
import { flows } from '../flows/index.js';
import { isRegistered } from '../reprompt.js';

/** /submit: the full initiative form, or the draft left with /cancel. */
export async function submit(ctx: FlowCtx): Promise<Reply[]> {
  if (!isRegistered(ctx)) return [reply(msg('need-registration'))];
  if (ctx.state.flow === 'submit') return [reply(msg('submit-already')), await flows.prompt(ctx)];
  if (ctx.state.flow) await flows.cancel(ctx);
  if (ctx.state.paused?.flow === 'submit') {
    const resumed = await flows.resumePaused(ctx, [reply(msg('submit-resumed'))]);
    return [reply(msg('submit-resumed-restart')), ...resumed];
  }
  return flows.start(ctx, 'submit', {}, [reply(msg('submit-intro'))]);
}
