import { msg } from '../../src/core/i18n.js';
import { reply } from '../../src/core/reply.js';
import { type InboundAttachment } from '../../src/core/event.js';
import { quickIdeaFields, submitInitiative } from '../../src/services/initiatives.service.js';
import { cleanText, truncate } from '../../src/core/text.js';
import { flowButton, type FlowDef, type Step, buttonValue, readText } from './engine.js';
import { FIELD_MAX, MAX_ATTACHMENTS } from './submit-initiative.flow.js';

const confirm: Step = {
  id: 'confirm',
  prompt: (ctx) => {
    const idea = (ctx.state.answers.idea as string | undefined) ?? '';
    const attachments = (ctx.state.answers.attachments as InboundAttachment[] | undefined) ?? [];
    return reply(msg('quick-offer', { idea: truncate(idea, 500), attachments: attachments.length }), {
      buttons: [[flowButton(ctx, msg('quick-btn-send'), 'yes'), flowButton(ctx, msg('quick-btn-discard'), 'no')]],
    });
  },
  answer(input, ctx) {
    const picked = buttonValue(input);
    if (picked === 'yes') return { kind: 'done' };
    if (picked === 'no') return { kind: 'abort', replies: [reply(msg('quick-discarded'))] };
    const answers = ctx.state.answers;
    const attachments = (answers.attachments as InboundAttachment[] | undefined) ?? [];
    if (input.kind === 'media') {
      if (attachments.length >= MAX_ATTACHMENTS) return { kind: 'invalid', error: msg('submit-attachments-full', { max: MAX_ATTACHMENTS }) };
      const idea = [answers.idea, cleanText(input.caption)].filter(Boolean).join('\n');
      return { kind: 'stay', set: { attachments: [...attachments, input.attachment], idea }, replies: async (now) => [await confirm.prompt(now)] };
    }
    const more = readText(input, FIELD_MAX);
    if (!more.ok) return { kind: 'invalid', error: more.error };
    const idea = `${answers.idea as string}\n${more.value}`;
    if ([...idea].length > FIELD_MAX) return { kind: 'invalid', error: msg('flow-too-long', { max: FIELD_MAX, length: [...idea].length }) };
    return { kind: 'stay', set: { idea }, replies: async (now) => [await confirm.prompt(now)] };
  },
};

/** "Send this as a quick idea?": a registered worker's message outside any flow, kept as a draft initiative. */
export const quickIdeaFlow: FlowDef = {
  id: 'quick',
  keepsDraft: false,
  steps: [confirm],
  async finish(ctx, answers, key) {
    const unitCode = ctx.member.unitCode;
    if (!unitCode) throw new Error(`member ${String(ctx.member._id)} sent a quick idea without a unit`);
    const fields = quickIdeaFields((answers.idea as string | undefined) ?? '', (answers.attachments as InboundAttachment[] | undefined) ?? []);
    const { code } = await submitInitiative(
      { authorId: ctx.member._id, unitCode, channel: ctx.event.channel, quick: true, fields, submissionKey: key },
      ctx.deps,
    );
    await ctx.deps.followUps.add({ kind: 'post-cards', code });
    return [reply(msg('quick-done', { code }))];
  },
};
