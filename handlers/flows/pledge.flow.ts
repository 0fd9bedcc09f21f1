import { z } from 'zod';
import { msg } from '../../src/core/i18n.js';
import { reply } from '../../src/core/reply.js';
import { recordPledge } from '../../src/services/pledges.service.js';
import { formatDay, parseDay, vietnamDay } from '../../src/core/time.js';
import { hasContent } from '../../src/core/text.js';
import { unitName } from '../../src/services/units.service.js';
import { buttonValue, defineFlow, flowButton, readText, type Step } from './engine.js';

const MAX_COMMITMENTS = 20;

const answers = z.object({
  unitCode: z.string(),
  campaignCode: z.string(),
  commitments: z.array(z.string()).optional(),
  /** ISO date: the end of the pledge. */
  dueDate: z.string().optional(),
});
type PledgeAnswers = z.infer<typeof answers>;
/** All of it, as the summary and the finish need it. */
const complete = answers.required();

const commitments: Step<PledgeAnswers> = {
  id: 'commitments',
  prompt: async (_ctx, a) => reply(msg('pledge-ask-commitments', { unit: await unitName(a.unitCode) })),
  answer(input) {
    const text = readText(input, 4000);
    if (!text.ok) return { kind: 'invalid', error: text.error };
    const lines = text.value
      .split('\n')
      .map((l) => l.replace(/^\s*[-•*\d.)]+\s*/, '').trim())
      .filter(hasContent);
    if (lines.length === 0 || lines.length > MAX_COMMITMENTS)
      return { kind: 'invalid', error: msg('pledge-commitments-count', { max: MAX_COMMITMENTS }) };
    return { kind: 'next', set: { commitments: lines } };
  },
};

const due: Step<PledgeAnswers> = {
  id: 'due',
  prompt: () => reply(msg('pledge-ask-due')),
  answer(input, ctx) {
    const text = readText(input, 40);
    if (!text.ok) return { kind: 'invalid', error: text.error };
    const day = parseDay(text.value);
    if (!day) return { kind: 'invalid', error: msg('pledge-due-invalid') };
    if (day.getTime() <= vietnamDay(ctx.deps.clock.now()).getTime())
      return { kind: 'invalid', error: msg('pledge-due-past') };
    return { kind: 'next', set: { dueDate: day.toISOString() } };
  },
};

const confirm: Step<PledgeAnswers> = {
  id: 'confirm',
  prompt: async (ctx, answered) => {
    const a = complete.parse(answered);
    return reply(
      msg('pledge-summary', {
        unit: await unitName(a.unitCode),
        list: a.commitments.map((c, i) => `${i + 1}. ${c}`).join('\n'),
        due: formatDay(new Date(a.dueDate)),
      }),
      { buttons: [[flowButton(ctx, msg('pledge-btn-save'), 'save'), flowButton(ctx, msg('quick-btn-discard'), 'no')]] },
    );
  },
  answer(input) {
    const picked = buttonValue(input);
    if (picked === 'save') return { kind: 'done' };
    if (picked === 'no') return { kind: 'abort', replies: [reply(msg('quick-discarded'))] };
    return { kind: 'invalid', error: msg('flow-use-buttons') };
  },
};

/** /pledge: an officer records their unit's emulation pledge: commitments, one per line, and a due date. */
export const pledgeFlow = defineFlow(answers, {
  id: 'pledge',
  // Nothing resumes a pledge (only /submit resumes a draft): a cancelled one keeps nothing, and a saved
  // initiative draft stays where it was.
  keepsDraft: false,
  steps: [commitments, due, confirm],
  async finish(ctx, answered, key) {
    const a = complete.parse(answered);
    const dueDate = new Date(a.dueDate);
    await recordPledge({
      ...a,
      dueDate,
      createdBy: ctx.member._id,
      signedAt: ctx.deps.clock.now(),
      submissionKey: key,
    });
    return [reply(msg('pledge-saved', { due: formatDay(dueDate) }))];
  },
});
