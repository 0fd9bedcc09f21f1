import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import type { FlowCtx } from '../flows/engine.js';
import { flows } from '../flows/index.js';

/** /cancel: leave the current flow; the form's answers stay as a draft for the next /submit. */
export async function cancel(ctx: FlowCtx): Promise<Reply[]> {
  if (!ctx.state.flow) return [reply(msg('cancel-nothing'))];
  const { keptDraft } = await flows.cancel(ctx);
  return [reply(msg(keptDraft ? 'cancel-draft-kept' : 'cancel-done'), { keyboard: { kind: 'remove' } })];
}
