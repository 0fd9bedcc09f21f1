import { msg } from '../../src/i18n.js';
import { reply } from '../../src/channels/types.js';
import { flowButton, type FlowDef, type Step } from './engine.js';
import { flows } from './index.js';

/** Discarding a draft loses the person's answers: it is asked once more, and "no" is as easy as "yes". */
const confirm: Step = {
  id: 'confirm',
  prompt: (ctx) =>
    reply(msg('draft-discard-confirm', { answers: Object.keys(ctx.state.paused?.answers ?? {}).length }), {
      buttons: [[flowButton(ctx, msg('draft-discard-yes'), 'yes'), flowButton(ctx, msg('draft-discard-no'), 'no')]],
    }),
  answer(input) {
    if (input.kind === 'button' && (input.data === 'yes' || input.data === 'no')) return { kind: 'done', set: { discard: input.data === 'yes' } };
    return { kind: 'invalid', error: msg('confirm-pick-one') };
  },
};

export const discardDraftFlow: FlowDef = {
  id: 'discard-draft',
  keepsDraft: false,
  steps: [confirm],
  async finish(ctx, answers) {
    if (!ctx.state.paused) return [reply(msg('restart-nothing'))];
    if (answers.discard !== true) return flows.resumePaused(ctx, [reply(msg('draft-kept'))]);
    await flows.discardPaused(ctx);
    return flows.start(ctx, 'submit', {}, [reply(msg('draft-discarded'))]);
  },
};
