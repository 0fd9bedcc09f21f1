import { msg } from '../../src/i18n.js';
import { reply } from '../../src/channels/types.js';
import type { Action } from '../../src/services/workflow.service.js';
import { act } from '../support/actions.js';
import { flowButton, type FlowDef, type Step } from './engine.js';
import { readText } from './answers.js';

const NOTE_MAX = 1000;

/** The question, rejection reason or council decision a support member types for a card action. */
const note: Step = {
  id: 'note',
  prompt: (ctx) => reply(msg(`card-ask-${ctx.state.answers.action as string}`, { code: ctx.state.answers.code as string }), { keyboard: { kind: 'force_reply' } }),
  answer(input, ctx) {
    const text = readText(input, NOTE_MAX);
    if (!text.ok) return { kind: 'invalid', error: text.error };
    return ctx.state.answers.action === 'reject' ? { kind: 'next', set: { note: text.value } } : { kind: 'done', set: { note: text.value } };
  },
};

/** Rejecting tells the author their initiative is not accepted: asked once more before it is done. */
const confirmReject: Step = {
  id: 'confirm-reject',
  skip: (answers) => answers.action !== 'reject',
  prompt: (ctx) =>
    reply(msg('card-reject-confirm', { code: ctx.state.answers.code as string, note: ctx.state.answers.note as string }), {
      buttons: [[flowButton(ctx, msg('card-reject-yes'), 'yes'), flowButton(ctx, msg('card-reject-no'), 'no')]],
    }),
  answer(input, ctx) {
    if (input.kind === 'button' && input.data === 'yes') return { kind: 'done' };
    if (input.kind === 'button' && input.data === 'no') return { kind: 'abort', replies: [reply(msg('card-reject-kept', { code: ctx.state.answers.code as string }))] };
    return { kind: 'invalid', error: msg('confirm-pick-one') };
  },
};

export const cardNoteFlow: FlowDef = {
  id: 'card-note',
  keepsDraft: false,
  steps: [note, confirmReject],
  async finish(ctx, answers) {
    return [reply(await act(ctx, answers.code as string, answers.action as Action, answers.note as string))];
  },
};
