import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import type { FlowCtx } from '../flows/engine.js';
import { flows } from '../flows/index.js';

/** /back: the previous question again, its answer kept until replaced. */
export async function back(ctx: FlowCtx): Promise<Reply[]> {
  if (!ctx.state.flow) return [reply(msg('back-nothing'))];
  return (await flows.back(ctx)) ?? [reply(msg('back-at-first')), await flows.prompt(ctx)];
}
