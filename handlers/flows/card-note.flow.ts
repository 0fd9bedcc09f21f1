import { z } from 'zod';
import { msg } from '../../src/core/i18n.js';
import { reply } from '../../src/core/reply.js';
import { ACTIONS } from '../../src/services/workflow.service.js';
import { act } from '../support/act.js';
import { defineFlow, flowButton, readText, type Step } from './engine.js';

const NOTE_MAX = 1000;

const answers = z.object({
  code: z.string(),
  action: z.enum(ACTIONS),
  /** The group the card is in: the note is typed there. */
  chatId: z.string(),
  note: z.string().optional(),
});
type CardNote = z.infer<typeof answers>;

/** The question, rejection reason or council decision a support member types for a card action. */
const note: Step<CardNote> = {
  id: 'note',
  prompt: (_ctx, a) => reply(msg(`card-ask-${a.action}`, { code: a.code }), { keyboard: { kind: 'force_reply' } }),
  answer(input, _ctx, a) {
    const text = readText(input, NOTE_MAX);
    if (!text.ok) return { kind: 'invalid', error: text.error };
    return { kind: a.action === 'reject' ? 'next' : 'done', set: { note: text.value } };
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
  steps: [note, confirmReject],
  async finish(ctx, a) {
    return [reply(await act(ctx, a.code, a.action, a.note ?? ''))];
  },
});
