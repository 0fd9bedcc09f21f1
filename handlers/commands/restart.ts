import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import type { FlowCtx } from '../flows/engine.js';
import { flows, leaveFlow } from '../flows/index.js';

/** /restart: start the initiative form over, after confirming that the draft's answers may go. */
export async function restart(asked: FlowCtx): Promise<Reply[]> {
  const ctx = await leaveFlow(asked);
  if (ctx.state.paused?.flow !== 'submit') return [reply(msg('restart-nothing'))];
  return flows.start(ctx, 'discard-draft');
}
