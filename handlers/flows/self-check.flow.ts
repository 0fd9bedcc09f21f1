import { msg } from '../../src/core/i18n.js';
import { reply } from '../../src/core/reply.js';
import { recordSelfCheck, SELF_CHECK_STATES } from '../../src/services/pledges.service.js';
import { flowButton, type FlowCtx, type FlowDef, type Step, buttonValue, readText } from './engine.js';

interface Result {
  text: string;
  state: string;
  note: string;
}

const commitmentsOf = (ctx: FlowCtx) => ctx.state.answers.commitments as string[];
const resultsOf = (ctx: FlowCtx) => (ctx.state.answers.results as Result[] | undefined) ?? [];

/** One commitment at a time: its state by button; a typed line first becomes its note. */
const item: Step = {
  id: 'item',
  prompt: (ctx) => {
    const i = resultsOf(ctx).length;
    const note = ctx.state.answers.note as string | undefined;
    return reply([msg('selfcheck-item', { n: i + 1, total: commitmentsOf(ctx).length, text: commitmentsOf(ctx)[i] ?? '' }), ...(note ? [msg('flow-current-answer', { value: note })] : [])], {
      buttons: [SELF_CHECK_STATES.map((s) => flowButton(ctx, msg('selfcheck-state', { state: s }), s))],
    });
  },
  answer(input, ctx) {
    const state = buttonValue(input);
    if (state === null) {
      const note = readText(input, 1000);
      if (!note.ok) return { kind: 'invalid', error: note.error };
      return { kind: 'stay', set: { note: note.value }, replies: async (now) => [await item.prompt(now)] };
    }
    if (!(SELF_CHECK_STATES as readonly string[]).includes(state)) return { kind: 'invalid', error: msg('flow-use-buttons') };
    const results = [...resultsOf(ctx), { text: commitmentsOf(ctx)[resultsOf(ctx).length] ?? '', state, note: (ctx.state.answers.note as string | undefined) ?? '' }];
    if (results.length >= commitmentsOf(ctx).length) return { kind: 'done', set: { results, note: '' } };
    return { kind: 'stay', set: { results, note: '' }, replies: async (now) => [await item.prompt(now)] };
  },
};

/** The 6- or 12-month self-check of a pledge, started from its reminder's button. */
export const selfCheckFlow: FlowDef = {
  id: 'self-check',
  keepsDraft: true,
  steps: [item],
  async finish(ctx, answers) {
    const saved = await recordSelfCheck({
      pledgeId: answers.pledgeId as string,
      months: answers.months as number,
      at: ctx.deps.clock.now(),
      by: ctx.member._id,
      results: answers.results as Result[],
    });
    return [reply(msg(saved ? 'selfcheck-saved' : 'selfcheck-already'))];
  },
};
