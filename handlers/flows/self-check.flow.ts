import { z } from 'zod';
import { msg } from '../../src/core/i18n.js';
import { reply } from '../../src/core/reply.js';
import { recordSelfCheck, SELF_CHECK_STATES } from '../../src/services/pledges.service.js';
import { buttonValue, defineFlow, flowButton, readText, type Step } from './engine.js';

const answers = z.object({
  pledgeId: z.string(),
  months: z.number(),
  commitments: z.array(z.string()),
  results: z.array(z.object({ text: z.string(), state: z.string(), note: z.string() })),
  /** A line typed for the current commitment, kept until its state is pressed. */
  note: z.string().optional(),
});
type SelfCheck = z.infer<typeof answers>;

/** One commitment at a time: its state by button; a typed line first becomes its note. */
const item: Step<SelfCheck> = {
  id: 'item',
  prompt: (ctx, a) => {
    const i = a.results.length;
    const item = msg('selfcheck-item', { n: i + 1, total: a.commitments.length, text: a.commitments[i] ?? '' });
    return reply([item, ...(a.note ? [msg('flow-current-answer', { value: a.note })] : [])], {
      buttons: [SELF_CHECK_STATES.map((s) => flowButton(ctx, msg('selfcheck-state', { state: s }), s))],
    });
  },
  answer(input, _ctx, a) {
    const state = buttonValue(input);
    if (state === null) {
      const note = readText(input, 1000);
      if (!note.ok) return { kind: 'invalid', error: note.error };
      return { kind: 'stay', set: { note: note.value }, replies: async (now, next) => [await item.prompt(now, next)] };
    }
    if (!(SELF_CHECK_STATES as readonly string[]).includes(state))
      return { kind: 'invalid', error: msg('flow-use-buttons') };
    const results = [...a.results, { text: a.commitments[a.results.length] ?? '', state, note: a.note ?? '' }];
    if (results.length >= a.commitments.length) return { kind: 'done', set: { results, note: '' } };
    return { kind: 'stay', set: { results, note: '' }, replies: async (now, next) => [await item.prompt(now, next)] };
  },
};

/** The 6- or 12-month self-check of a pledge, started from its reminder's button. */
export const selfCheckFlow = defineFlow(answers, {
  id: 'self-check',
  // Started again from its reminder's button: a cancelled one keeps nothing (only /submit resumes a draft).
  keepsDraft: false,
  steps: [item],
  async finish(ctx, a) {
    const saved = await recordSelfCheck({
      pledgeId: a.pledgeId,
      months: a.months,
      at: ctx.deps.clock.now(),
      by: ctx.member._id,
      results: a.results,
    });
    return [reply(msg(saved ? 'selfcheck-saved' : 'selfcheck-already'))];
  },
});
