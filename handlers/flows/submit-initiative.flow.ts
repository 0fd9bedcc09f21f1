import { msg, type Msg } from '../../src/core/i18n.js';
import { reply, type Button, type Reply } from '../../src/core/reply.js';
import { type InboundAttachment } from '../../src/core/event.js';
import { CATEGORIES, submitInitiative, TITLE_MAX, type Category, type InitiativeFields } from '../../src/services/initiatives.service.js';
import { truncate } from '../../src/core/text.js';
import { formatVnd, parseVnd } from '../../src/vnd.js';
import { flowButton, type Answers, type FlowCtx, type FlowDef, type Step, buttonValue, isDone, isSkip, readText } from './engine.js';

export const FIELD_MAX = 4000;
export const MAX_ATTACHMENTS = 10;

/** The questions of the form, in order; the summary lets any of them be answered again. */
const FIELDS = ['title', 'problem', 'solution', 'benefit', 'valueVnd', 'scope', 'category', 'coAuthors', 'attachments', 'confidential'] as const;
type Field = (typeof FIELDS)[number];

const position = (id: Field) => ({ n: FIELDS.indexOf(id) + 1, total: FIELDS.length });

function ask(ctx: FlowCtx, id: Field, buttons: Button[][] = []): Reply {
  const parts: Msg[] = [msg(`submit-ask-${id}`, position(id))];
  const current = currentAnswer(ctx, id);
  if (current) parts.push(msg('flow-current-answer', { value: current }));
  return reply(parts, buttons.length > 0 ? { buttons } : {});
}

function currentAnswer(ctx: FlowCtx, id: Field): string | null {
  const value = ctx.state.answers[id];
  if (typeof value !== 'string' || value === '') return null;
  return truncate(value, 300);
}

function textStep(id: Field, max: number, optional = false): Step {
  return {
    id,
    prompt: (ctx) => ask(ctx, id, optional ? [[flowButton(ctx, msg('flow-btn-skip'), 'skip')]] : []),
    answer(input) {
      if (optional && isSkip(input)) return { kind: 'next', set: { [id]: '' } };
      const text = readText(input, max);
      return text.ok ? { kind: 'next', set: { [id]: text.value } } : { kind: 'invalid', error: text.error };
    },
  };
}

const value: Step = {
  id: 'valueVnd',
  prompt: (ctx) => ask(ctx, 'valueVnd', [[flowButton(ctx, msg('flow-btn-skip'), 'skip')]]),
  answer(input) {
    if (isSkip(input)) return { kind: 'next', set: { valueVnd: null } };
    const text = readText(input, 100);
    if (!text.ok) return { kind: 'invalid', error: text.error };
    const parsed = parseVnd(text.value);
    return parsed.ok ? { kind: 'next', set: { valueVnd: parsed.value } } : { kind: 'invalid', error: msg('submit-value-invalid') };
  },
};

const category: Step = {
  id: 'category',
  prompt: (ctx) => ask(ctx, 'category', [CATEGORIES.map((c) => flowButton(ctx, msg('category-name', { category: c }), c))]),
  answer(input) {
    const picked = buttonValue(input);
    if (!CATEGORIES.includes(picked as Category)) return { kind: 'invalid', error: msg('flow-use-buttons') };
    return { kind: 'next', set: { category: picked } };
  },
};

const attachmentsOf = (answers: Answers) => (answers.attachments as InboundAttachment[] | undefined) ?? [];

function attachmentButtons(ctx: FlowCtx): Button[][] {
  const row = [flowButton(ctx, msg('flow-btn-done'), 'done')];
  if (attachmentsOf(ctx.state.answers).length > 0) row.push(flowButton(ctx, msg('submit-btn-clear-attachments'), 'clear'));
  return [row];
}

const attachments: Step = {
  id: 'attachments',
  prompt: (ctx) =>
    reply([msg('submit-ask-attachments', { ...position('attachments'), count: attachmentsOf(ctx.state.answers).length })], {
      buttons: attachmentButtons(ctx),
    }),
  answer(input, ctx) {
    const have = attachmentsOf(ctx.state.answers);
    if (input.kind === 'media') {
      if (have.length >= MAX_ATTACHMENTS) return { kind: 'invalid', error: msg('submit-attachments-full', { max: MAX_ATTACHMENTS }) };
      const count = have.length + 1;
      return {
        kind: 'stay',
        set: { attachments: [...have, input.attachment] },
        replies: (now) => [reply(msg('submit-attachment-received', { count }), { buttons: attachmentButtons(now) })],
      };
    }
    if (isDone(input)) return { kind: 'next' };
    if (buttonValue(input) === 'clear') {
      return { kind: 'stay', set: { attachments: [] }, replies: async (now) => [await attachments.prompt(now)] };
    }
    return { kind: 'invalid', error: msg('submit-attachments-hint') };
  },
};

const confidential: Step = {
  id: 'confidential',
  prompt: (ctx) =>
    ask(ctx, 'confidential', [[flowButton(ctx, msg('flow-btn-yes'), 'yes'), flowButton(ctx, msg('flow-btn-no'), 'no')]]),
  answer(input) {
    const picked = buttonValue(input);
    if (picked !== 'yes' && picked !== 'no') return { kind: 'invalid', error: msg('flow-use-buttons') };
    return { kind: 'next', set: { confidential: picked === 'yes' } };
  },
};

function fieldsOf(answers: Answers): InitiativeFields {
  const text = (key: string) => (typeof answers[key] === 'string' ? (answers[key]) : '');
  return {
    title: text('title'),
    problem: text('problem'),
    solution: text('solution'),
    benefit: text('benefit'),
    valueVnd: typeof answers.valueVnd === 'number' ? answers.valueVnd : null,
    scope: text('scope'),
    category: (answers.category as Category | undefined) ?? null,
    coAuthors: text('coAuthors'),
    attachments: attachmentsOf(answers),
    confidential: answers.confidential === true,
    idea: text('idea'),
  };
}

function summaryMsg(ctx: FlowCtx): Msg {
  const f = fieldsOf(ctx.state.answers);
  return msg('submit-summary', {
    title: f.title,
    problem: f.problem,
    solution: f.solution,
    benefit: f.benefit,
    value: f.valueVnd === null ? '—' : formatVnd(f.valueVnd, ctx.locale),
    scope: f.scope,
    category: f.category ?? 'none',
    coAuthors: f.coAuthors || '—',
    attachments: f.attachments.length,
    confidential: f.confidential ? 'yes' : 'no',
  });
}

const summary: Step = {
  id: 'summary',
  prompt: (ctx) =>
    reply(summaryMsg(ctx), {
      buttons: [[flowButton(ctx, msg('submit-btn-confirm'), 'confirm'), flowButton(ctx, msg('submit-btn-edit'), 'edit')]],
    }),
  answer(input) {
    const picked = buttonValue(input);
    if (picked === 'confirm') return { kind: 'done' };
    if (picked === 'edit') {
      return {
        kind: 'stay',
        replies: (now) => [
          reply(msg('submit-edit-which'), {
            buttons: pairs(FIELDS.map((f) => flowButton(now, msg(`submit-field-${f}`), `edit-${f}`))),
          }),
        ],
      };
    }
    const field = picked?.startsWith('edit-') ? (picked.slice(5) as Field) : null;
    if (field && FIELDS.includes(field)) return { kind: 'next', goto: field, returnTo: 'summary' };
    return { kind: 'invalid', error: msg('flow-use-buttons') };
  },
};

const pairs = <T>(items: T[]): T[][] =>
  items.reduce<T[][]>((rows, item, i) => (i % 2 === 0 ? [...rows, [item]] : (rows[rows.length - 1]!.push(item), rows)), []);

export const submitFlow: FlowDef = {
  id: 'submit',
  keepsDraft: true,
  steps: [
    textStep('title', TITLE_MAX),
    textStep('problem', FIELD_MAX),
    textStep('solution', FIELD_MAX),
    textStep('benefit', FIELD_MAX),
    value,
    textStep('scope', FIELD_MAX),
    category,
    textStep('coAuthors', FIELD_MAX, true),
    attachments,
    confidential,
    summary,
  ],
  async finish(ctx, answers, key) {
    const unitCode = ctx.member.unitCode;
    if (!unitCode) throw new Error(`member ${String(ctx.member._id)} submitted without a unit`);
    const { code } = await submitInitiative(
      { authorId: ctx.member._id, unitCode, channel: ctx.event.channel, quick: false, fields: fieldsOf(answers), submissionKey: key },
      ctx.deps,
    );
    await ctx.deps.followUps.add({ kind: 'post-cards', code });
    return [reply(msg('submit-done', { code }))];
  },
};
