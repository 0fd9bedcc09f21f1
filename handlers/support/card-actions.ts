import { msg, type Msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { formatDay } from '../../src/core/time.js';
import { cardAction } from '../../src/core/callback-data.js';
import { canWork } from '../../src/services/support.service.js';
import {
  findInitiative,
  nextStatus,
  transition,
  type Action,
  type InitiativeDoc,
} from '../../src/services/workflow.service.js';
import type { Handled, PersonCtx } from '../flows/engine.js';

/*
 * A support team's action on an initiative (a card's button, its command, or /withdraw by the author):
 * checked, applied, and followed by the cards' refresh and the author's notice.
 */

/** Actions that need a few words first: the question, the reason, the council's decision. */
export const ACTIONS_WITH_NOTE: Action[] = ['info', 'reject', 'recognize'];

/** The question an action asks before it is applied (the card-note flow, started by the caller). */
export type AskNote = (note: { code: string; action: Action; chatId: string }) => Promise<Reply[]>;

/** A support member pressed a button on a card (or typed its command). */
export async function pressCardButton(
  ctx: PersonCtx,
  data: { code: string; action: string },
  askNote: AskNote,
): Promise<Handled> {
  const pressed = cardAction(data);
  const i = pressed ? await findInitiative(pressed.code) : null;
  if (!pressed || !i) return { replies: [], notice: msg('flow-stale-button') };
  if (!canWork(ctx.member, i)) return { replies: [], notice: msg('support-not-allowed') };
  // Refused before asking for a note the action could not use (Recognise on an item not yet accepted).
  if (nextStatus(pressed.action, i.status) === null)
    return { replies: [], notice: msg('support-illegal', { code: i.code, status: i.status, action: pressed.action }) };
  if (pressed.action === 'take' && i.assigneeId?.equals(ctx.member._id))
    return { replies: [], notice: msg('support-already-yours', { code: i.code }) };
  if (ACTIONS_WITH_NOTE.includes(pressed.action)) {
    return { replies: await askNote({ code: i.code, action: pressed.action, chatId: ctx.event.chatId }) };
  }
  return { replies: [], notice: await act(ctx, i.code, pressed.action, '', i) };
}

/** The council's decision that recognises an initiative: its number and its date (a Vietnam day). */
export interface Decision {
  decisionNumber: string;
  decisionDate: Date;
}

/**
 * Applies one action for the member and tells the cards and the author; returns what to say to the
 * member. `known`: the initiative as just read, so the transition need not read it again. Recognise
 * takes the council's decision, recorded with the status change itself.
 */
export async function act(
  ctx: PersonCtx,
  code: string,
  action: Action,
  note: string,
  known?: InitiativeDoc,
  decision?: Decision,
): Promise<Msg> {
  const decided = decision && { ...decision, date: formatDay(decision.decisionDate) };
  const result = await transition(
    {
      code,
      action,
      by: ctx.member._id,
      note: decided ? `${decided.decisionNumber}, ${decided.date}` : note,
      ...(decision ? { details: { action: 'recognize' as const, ...decision } } : {}),
    },
    ctx.deps,
    known,
  );
  if (!result.ok) {
    if (result.reason === 'unknown') return msg('support-unknown-code', { code });
    if (result.reason === 'taken') return msg('support-taken', { code });
    if (result.reason === 'already-yours') return msg('support-already-yours', { code });
    return msg('support-illegal', { code, status: result.initiative!.status, action });
  }
  const i = result.initiative;
  await ctx.deps.followUps.add({ kind: 'update-cards', code: i.code, rev: i.rev });
  if (result.from !== result.to) {
    const notice = reply(
      msg('status-notice', {
        code,
        status: result.to,
        note: note || '—',
        ...(decided ? { decision: decided.decisionNumber, date: decided.date } : {}),
      }),
    );
    await ctx.deps.followUps.add({
      kind: 'tell-author',
      code,
      key: `notice:${code}:r${result.rev}`,
      reply: notice,
      as: 'notice',
    });
  }
  return msg('support-done', { code, status: result.to });
}
