import type { Reply } from '../src/core/reply.js';
import type { FlowCtx } from './flows/engine.js';
import { flows } from './flows/index.js';

/** After answering something else mid-flow, ask the pending question again so the person knows where they are. */
export async function withPendingQuestion(ctx: FlowCtx, replies: Reply[]): Promise<Reply[]> {
  return ctx.state.flow ? [...replies, await flows.prompt(ctx)] : replies;
}

export const isRegistered = (ctx: FlowCtx): boolean => ctx.member.registeredAt !== null && ctx.member.unitCode !== null;
