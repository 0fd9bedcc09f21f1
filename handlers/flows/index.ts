import { FlowEngine, type FlowCtx } from './engine.js';
import { quickIdeaFlow } from './quick-idea.flow.js';
import { registrationFlow } from './registration.flow.js';
import { submitFlow } from './submit-initiative.flow.js';
import { cardNoteFlow } from './card-note.flow.js';
import { pledgeFlow } from './pledge.flow.js';
import { selfCheckFlow } from './self-check.flow.js';
import { discardDraftFlow } from './discard-draft.flow.js';

/** Every guided flow; the same definitions serve every messenger. */
export const flows: FlowEngine = new FlowEngine([
  registrationFlow,
  submitFlow,
  quickIdeaFlow,
  cardNoteFlow,
  pledgeFlow,
  selfCheckFlow,
  discardDraftFlow(() => flows),
]);

/** Leaves the flow the person is in, if any (a draft-keeping one is parked), for another to start. */
export async function leaveFlow(ctx: FlowCtx): Promise<FlowCtx> {
  return ctx.state.flow ? (await flows.cancel(ctx)).ctx : ctx;
}
