import { z } from 'zod';
import { msg } from '../../src/core/i18n.js';
import { reply } from '../../src/core/reply.js';
import { ACTIONS } from '../../src/services/workflow.service.js';
import { act } from '../support/act.js';
import { defineFlow, readText, type Step } from './engine.js';

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
  answer(input) {
    const text = readText(input, NOTE_MAX);
    return text.ok ? { kind: 'done', set: { note: text.value } } : { kind: 'invalid', error: text.error };
  },
};

export const cardNoteFlow = defineFlow(answers, {
  id: 'card-note',
  keepsDraft: false,
  steps: [note],
  async finish(ctx, a) {
    return [reply(await act(ctx, a.code, a.action, a.note ?? ''))];
  },
});
