import { z } from 'zod';
import { msg } from '../../src/core/i18n.js';
import { reply } from '../../src/core/reply.js';
import { quickIdeaFields, submitInitiative } from '../../src/services/initiatives.service.js';
import { cleanText, truncate } from '../../src/core/text.js';
import { attachmentSchema, buttonValue, defineFlow, flowButton, readText, type Step } from './engine.js';
import { FIELD_MAX, MAX_ATTACHMENTS } from './submit-initiative.flow.js';

const answers = z.object({ idea: z.string(), attachments: z.array(attachmentSchema) });
type QuickIdea = z.infer<typeof answers>;

const confirm: Step<QuickIdea> = {
  id: 'confirm',
  prompt: (ctx, { idea, attachments }) => {
    return reply(msg('quick-offer', { idea: truncate(idea, 500), attachments: attachments.length }), {
      buttons: [[flowButton(ctx, msg('quick-btn-send'), 'yes'), flowButton(ctx, msg('quick-btn-discard'), 'no')]],
    });
  },
  answer(input, _ctx, answers) {
    const picked = buttonValue(input);
    if (picked === 'yes') return { kind: 'done' };
    if (picked === 'no') return { kind: 'abort', replies: [reply(msg('quick-discarded'))] };
    const { attachments } = answers;
    if (input.kind === 'media') {
      if (attachments.length >= MAX_ATTACHMENTS)
        return { kind: 'invalid', error: msg('submit-attachments-full', { max: MAX_ATTACHMENTS }) };
      const idea = [answers.idea, cleanText(input.caption)].filter(Boolean).join('\n');
      return {
        kind: 'stay',
        set: { attachments: [...attachments, input.attachment], idea },
        replies: async (now, next) => [await confirm.prompt(now, next)],
      };
    }
    const more = readText(input, FIELD_MAX);
    if (!more.ok) return { kind: 'invalid', error: more.error };
    const idea = `${answers.idea}\n${more.value}`;
    if ([...idea].length > FIELD_MAX)
      return { kind: 'invalid', error: msg('flow-too-long', { max: FIELD_MAX, length: [...idea].length }) };
    return { kind: 'stay', set: { idea }, replies: async (now, next) => [await confirm.prompt(now, next)] };
  },
};

/** "Send this as a quick idea?": a registered worker's message outside any flow, kept as a draft initiative. */
export const quickIdeaFlow = defineFlow(answers, {
  id: 'quick',
  keepsDraft: false,
  steps: [confirm],
  async finish(ctx, answers, key) {
    const unitCode = ctx.member.unitCode;
    if (!unitCode) throw new Error(`member ${String(ctx.member._id)} sent a quick idea without a unit`);
    const fields = quickIdeaFields(answers.idea, answers.attachments);
    const { code } = await submitInitiative(
      { authorId: ctx.member._id, unitCode, channel: ctx.event.channel, quick: true, fields, submissionKey: key },
      ctx.deps,
    );
    await ctx.deps.followUps.add({ kind: 'post-cards', code });
    return [reply(msg('quick-done', { code }))];
  },
});
