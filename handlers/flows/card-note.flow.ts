import { msg } from '../../src/core/i18n.js';
import { reply } from '../../src/core/reply.js';
import type { Action } from '../../src/services/workflow.service.js';
import { act } from '../support/act.js';
import { type FlowDef, type Step, readText } from './engine.js';

const NOTE_MAX = 1000;

/** The question, rejection reason or council decision a support member types for a card action. */
const note: Step = {
  id: 'note',
  prompt: (ctx) => reply(msg(`card-ask-${ctx.state.answers.action as string}`, { code: ctx.state.answers.code as string }), { keyboard: { kind: 'force_reply' } }),
  answer(input) {
    const text = readText(input, NOTE_MAX);
    return text.ok ? { kind: 'done', set: { note: text.value } } : { kind: 'invalid', error: text.error };
  },
};

export const cardNoteFlow: FlowDef = {
  id: 'card-note',
  keepsDraft: false,
  steps: [note],
  async finish(ctx, answers) {
    return [reply(await act(ctx, answers.code as string, answers.action as Action, answers.note as string))];
  },
};
