import { msg } from '../../src/i18n.js';
import { reply, type Reply } from '../../src/channels/types.js';
import type { FlowCtx } from '../flows/engine.js';
import { flows } from '../flows/index.js';

/** /restart: start the initiative form over, after confirming that the draft's answers may go. */
export async function restart(ctx: FlowCtx): Promise<Reply[]> {
  if (ctx.state.flow === 'submit') await flows.cancel(ctx);
  if (ctx.state.paused?.flow !== 'submit') return [reply(msg('restart-nothing'))];
  if (ctx.state.flow) await flows.cancel(ctx);
  return flows.start(ctx, 'discard-draft');
}
