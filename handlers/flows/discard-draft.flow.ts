import { z } from 'zod';
import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { defineFlow, flowButton, type FlowDef, type FlowEngine, type Step } from './engine.js';

const answers = z.object({ discard: z.boolean().optional() });
type DiscardDraft = z.infer<typeof answers>;

/** Discarding a draft loses the person's answers: it is asked once more, and "no" is as easy as "yes". */
const confirm: Step<DiscardDraft> = {
  id: 'confirm',
  prompt: (ctx) =>
    reply(msg('draft-discard-confirm', { answers: Object.keys(ctx.state.paused?.answers ?? {}).length }), {
      buttons: [[flowButton(ctx, msg('draft-discard-yes'), 'yes'), flowButton(ctx, msg('draft-discard-no'), 'no')]],
    }),
  answer(input) {
    if (input.kind === 'button' && (input.data === 'yes' || input.data === 'no'))
      return { kind: 'done', set: { discard: input.data === 'yes' } };
    return { kind: 'invalid', error: msg('confirm-pick-one') };
  },
};

/** The engine that runs it is passed in: it resumes or restarts the submit flow (no import cycle). */
export const discardDraftFlow = (engine: () => FlowEngine): FlowDef =>
  defineFlow(answers, {
    id: 'discard-draft',
    keepsDraft: false,
    steps: [confirm],
    async finish(ctx, a): Promise<Reply[]> {
      if (!ctx.state.paused) return [reply(msg('restart-nothing'))];
      if (a.discard !== true) return engine().resumePaused(ctx, [reply(msg('draft-kept'))]);
      // Starting the form anew drops the parked draft of the same flow.
      return engine().start(ctx, 'submit', {}, [reply(msg('draft-discarded'))]);
    },
  });
