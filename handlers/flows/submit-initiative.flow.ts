import { msg, type Msg } from '../../src/core/i18n.js';
import { reply, type Button, type Reply } from '../../src/core/reply.js';
import {
  CATEGORIES,
  submitInitiative,
  TITLE_MAX,
  type InitiativeFields,
} from '../../src/services/initiatives.service.js';
import { truncate } from '../../src/core/text.js';
import { formatVnd, parseVnd } from '../../src/core/vnd.js';
import { z } from 'zod';
import {
  attachmentSchema,
  buttonValue,
  defineFlow,
  flowButton,
  isDone,
  isSkip,
  readText,
  type FlowCtx,
  type Step,
} from './engine.js';

export const FIELD_MAX = 4000;
export const MAX_ATTACHMENTS = 10;

/** The questions of the form, in order; the summary lets any of them be answered again. */
const FIELDS = [
  'title',
  'problem',
  'solution',
  'benefit',
  'valueVnd',
  'scope',
  'category',
  'coAuthors',
  'attachments',
  'confidential',
] as const;
type Field = (typeof FIELDS)[number];
type TextField = 'title' | 'problem' | 'solution' | 'benefit' | 'scope' | 'coAuthors';

const answers = z.object({
  title: z.string().optional(),
  problem: z.string().optional(),
  solution: z.string().optional(),
  benefit: z.string().optional(),
  valueVnd: z.number().nullable().optional(),
  scope: z.string().optional(),
  category: z.enum(CATEGORIES).optional(),
  coAuthors: z.string().optional(),
  attachments: z.array(attachmentSchema).optional(),
  confidential: z.boolean().optional(),
});
type Form = z.infer<typeof answers>;

const position = (id: Field) => ({ n: FIELDS.indexOf(id) + 1, total: FIELDS.length });

function ask(form: Form, id: Field, buttons: Button[][] = []): Reply {
  const parts: Msg[] = [msg(`submit-ask-${id}`, position(id))];
  const current = currentAnswer(form, id);
  if (current) parts.push(msg('flow-current-answer', { value: current }));
  return reply(parts, buttons.length > 0 ? { buttons } : {});
}

function currentAnswer(form: Form, id: Field): string | null {
  const value = form[id];
  if (typeof value !== 'string' || value === '') return null;
  return truncate(value, 300);
}

function textStep(id: TextField, max: number, optional = false): Step<Form> {
  const answered = (value: string) => {
    const set: Partial<Record<TextField, string>> = {};
    set[id] = value;
    return { kind: 'next' as const, set };
  };
  return {
    id,
    prompt: (ctx, form) => ask(form, id, optional ? [[flowButton(ctx, msg('flow-btn-skip'), 'skip')]] : []),
    answer(input) {
      if (optional && isSkip(input)) return answered('');
      const text = readText(input, max);
      return text.ok ? answered(text.value) : { kind: 'invalid', error: text.error };
    },
  };
}

const value: Step<Form> = {
  id: 'valueVnd',
  prompt: (ctx, form) => ask(form, 'valueVnd', [[flowButton(ctx, msg('flow-btn-skip'), 'skip')]]),
  answer(input) {
    if (isSkip(input)) return { kind: 'next', set: { valueVnd: null } };
    const text = readText(input, 100);
    if (!text.ok) return { kind: 'invalid', error: text.error };
    const parsed = parseVnd(text.value);
    return parsed.ok
      ? { kind: 'next', set: { valueVnd: parsed.value } }
      : { kind: 'invalid', error: msg('submit-value-invalid') };
  },
};

const category: Step<Form> = {
  id: 'category',
  prompt: (ctx, form) =>
    ask(form, 'category', [CATEGORIES.map((c) => flowButton(ctx, msg('category-name', { category: c }), c))]),
  answer(input) {
    const picked = CATEGORIES.find((c) => c === buttonValue(input));
    if (!picked) return { kind: 'invalid', error: msg('flow-use-buttons') };
    return { kind: 'next', set: { category: picked } };
  },
};

const attachmentsOf = (form: Form) => form.attachments ?? [];

function attachmentButtons(ctx: FlowCtx, form: Form): Button[][] {
  const row = [flowButton(ctx, msg('flow-btn-done'), 'done')];
  if (attachmentsOf(form).length > 0) row.push(flowButton(ctx, msg('submit-btn-clear-attachments'), 'clear'));
  return [row];
}

const attachments: Step<Form> = {
  id: 'attachments',
  prompt: (ctx, form) =>
    reply([msg('submit-ask-attachments', { ...position('attachments'), count: attachmentsOf(form).length })], {
      buttons: attachmentButtons(ctx, form),
    }),
  answer(input, _ctx, form) {
    const have = attachmentsOf(form);
    if (input.kind === 'media') {
      if (have.length >= MAX_ATTACHMENTS)
        return { kind: 'invalid', error: msg('submit-attachments-full', { max: MAX_ATTACHMENTS }) };
      const count = have.length + 1;
      return {
        kind: 'stay',
        set: { attachments: [...have, input.attachment] },
        replies: (now, next) => [
          reply(msg('submit-attachment-received', { count }), { buttons: attachmentButtons(now, next) }),
        ],
      };
    }
    if (isDone(input)) return { kind: 'next' };
    if (buttonValue(input) === 'clear') {
      return {
        kind: 'stay',
        set: { attachments: [] },
        replies: async (now, next) => [await attachments.prompt(now, next)],
      };
    }
    return { kind: 'invalid', error: msg('submit-attachments-hint') };
  },
};

const confidential: Step<Form> = {
  id: 'confidential',
  prompt: (ctx, form) =>
    ask(form, 'confidential', [
      [flowButton(ctx, msg('flow-btn-yes'), 'yes'), flowButton(ctx, msg('flow-btn-no'), 'no')],
    ]),
  answer(input) {
    const picked = buttonValue(input);
    if (picked !== 'yes' && picked !== 'no') return { kind: 'invalid', error: msg('flow-use-buttons') };
    return { kind: 'next', set: { confidential: picked === 'yes' } };
  },
};

function fieldsOf(form: Form): InitiativeFields {
  return {
    title: form.title ?? '',
    problem: form.problem ?? '',
    solution: form.solution ?? '',
    benefit: form.benefit ?? '',
    valueVnd: form.valueVnd ?? null,
    scope: form.scope ?? '',
    category: form.category ?? null,
    coAuthors: form.coAuthors ?? '',
    attachments: attachmentsOf(form),
    confidential: form.confidential === true,
    idea: '',
  };
}

function summaryMsg(ctx: FlowCtx, form: Form): Msg {
  const f = fieldsOf(form);
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

const summary: Step<Form> = {
  id: 'summary',
  prompt: (ctx, form) =>
    reply(summaryMsg(ctx, form), {
      buttons: [
        [flowButton(ctx, msg('submit-btn-confirm'), 'confirm'), flowButton(ctx, msg('submit-btn-edit'), 'edit')],
      ],
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
    const field = FIELDS.find((f) => picked === `edit-${f}`);
    if (field) return { kind: 'next', goto: field, returnTo: 'summary' };
    return { kind: 'invalid', error: msg('flow-use-buttons') };
  },
};

const pairs = <T>(items: T[]): T[][] =>
  items.reduce<T[][]>(
    (rows, item, i) => (i % 2 === 0 ? [...rows, [item]] : (rows[rows.length - 1]!.push(item), rows)),
    [],
  );

export const submitFlow = defineFlow(answers, {
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
      {
        authorId: ctx.member._id,
        unitCode,
        channel: ctx.event.channel,
        quick: false,
        fields: fieldsOf(answers),
        submissionKey: key,
      },
      ctx.deps,
    );
    await ctx.deps.followUps.add({ kind: 'post-cards', code });
    return [reply(msg('submit-done', { code }))];
  },
});
