import { z } from 'zod';
import { msg, type Msg } from '../../src/core/i18n.js';
import { reply } from '../../src/core/reply.js';
import { ACTIONS, findInitiative } from '../../src/services/workflow.service.js';
import { parseDecisionDate, parseDecisionLine } from '../../src/core/decision.js';
import { formatDay, vietnamDay } from '../../src/core/time.js';
import { act } from '../support/card-actions.js';
import { defineFlow, flowButton, readText, type FlowCtx, type Step } from './engine.js';

const NOTE_MAX = 1000;

const answers = z.object({
  code: z.string(),
  action: z.enum(ACTIONS),
  /** The group the card is in: the note is typed there. */
  chatId: z.string(),
  note: z.string().optional(),
  /** Recognise: the council's decision number, and its date (yyyy-mm-dd), asked apart or read from one line. */
  decisionNumber: z.string().optional(),
  decisionDate: z.string().optional(),
});
type CardNote = z.infer<typeof answers>;

/** The question or rejection reason a support member types for a card action. */
const note: Step<CardNote> = {
  id: 'note',
  skip: (a) => a.action === 'recognize',
  prompt: (_ctx, a) => reply(msg(`card-ask-${a.action}`, { code: a.code }), { keyboard: { kind: 'force_reply' } }),
  answer(input, _ctx, a) {
    const text = readText(input, NOTE_MAX);
    if (!text.ok) return { kind: 'invalid', error: text.error };
    return { kind: a.action === 'reject' ? 'next' : 'done', set: { note: text.value } };
  },
};

/** What is wrong with a decision date: after today (Vietnam time), or before the initiative was submitted. */
async function decisionDateProblem(ctx: FlowCtx, code: string, date: Date): Promise<Msg | null> {
  if (date > vietnamDay(ctx.deps.clock.now())) return msg('recognize-date-future', { date: formatDay(date) });
  const submitted = (await findInitiative(code))?.submittedAt;
  if (submitted && date < vietnamDay(submitted))
    return msg('recognize-date-before-submission', {
      date: formatDay(date),
      submitted: formatDay(vietnamDay(submitted)),
    });
  return null;
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Recognise: the decision's number, with its date if the line has one ("15/QĐ-HĐSK ngày 20/11/2026"). */
const decisionNumber: Step<CardNote> = {
  id: 'decision-number',
  skip: (a) => a.action !== 'recognize',
  prompt: (_ctx, a) => reply(msg('card-ask-recognize', { code: a.code }), { keyboard: { kind: 'force_reply' } }),
  async answer(input, ctx, a) {
    const text = readText(input, NOTE_MAX);
    if (!text.ok) return { kind: 'invalid', error: text.error };
    const line = parseDecisionLine(text.value);
    if (line.kind === 'not-a-day') return { kind: 'invalid', error: msg('recognize-not-a-day', { typed: line.typed }) };
    if (line.kind === 'no-number') return { kind: 'invalid', error: msg('recognize-no-number') };
    if (!line.date) return { kind: 'next', set: { decisionNumber: line.number } };
    const problem = await decisionDateProblem(ctx, a.code, line.date);
    if (problem) return { kind: 'invalid', error: problem };
    return { kind: 'done', set: { decisionNumber: line.number, decisionDate: isoDay(line.date) } };
  },
};

/** Recognise: the decision's date, when the number came without it. */
const decisionDate: Step<CardNote> = {
  id: 'decision-date',
  skip: (a) => a.action !== 'recognize',
  prompt: (_ctx, a) =>
    reply(msg('card-ask-recognize-date', { code: a.code, number: a.decisionNumber ?? '' }), {
      keyboard: { kind: 'force_reply' },
    }),
  async answer(input, ctx, a) {
    const text = readText(input, NOTE_MAX);
    if (!text.ok) return { kind: 'invalid', error: text.error };
    const typed = parseDecisionDate(text.value);
    if (typed.kind === 'not-a-day')
      return { kind: 'invalid', error: msg('recognize-not-a-day', { typed: typed.typed }) };
    const problem = await decisionDateProblem(ctx, a.code, typed.date);
    if (problem) return { kind: 'invalid', error: problem };
    return { kind: 'done', set: { decisionDate: isoDay(typed.date) } };
  },
};

/** Rejecting tells the author their initiative is not accepted: asked once more before it is done. */
const confirmReject: Step<CardNote> = {
  id: 'confirm-reject',
  skip: (a) => a.action !== 'reject',
  prompt: (ctx, a) =>
    reply(msg('card-reject-confirm', { code: a.code, note: a.note ?? '' }), {
      buttons: [[flowButton(ctx, msg('card-reject-yes'), 'yes'), flowButton(ctx, msg('card-reject-no'), 'no')]],
    }),
  answer(input, _ctx, a) {
    if (input.kind === 'button' && input.data === 'yes') return { kind: 'done' };
    if (input.kind === 'button' && input.data === 'no')
      return { kind: 'abort', replies: [reply(msg('card-reject-kept', { code: a.code }))] };
    return { kind: 'invalid', error: msg('confirm-pick-one') };
  },
};

export const cardNoteFlow = defineFlow(answers, {
  id: 'card-note',
  keepsDraft: false,
  steps: [note, decisionNumber, decisionDate, confirmReject],
  async finish(ctx, a) {
    if (a.action !== 'recognize') return [reply(await act(ctx, a.code, a.action, a.note ?? ''))];
    if (!a.decisionNumber || !a.decisionDate) throw new Error(`recognising ${a.code} finished without its decision`);
    const decision = { decisionNumber: a.decisionNumber, decisionDate: new Date(a.decisionDate) };
    return [reply(await act(ctx, a.code, a.action, '', undefined, decision))];
  },
});
