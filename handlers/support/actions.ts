import { msg } from '../../src/i18n.js';
import { reply, type Reply } from '../../src/channels/types.js';
import { canWork } from '../../src/services/support.service.js';
import { findInitiative, nextStatus, setRecognitionDecision, transition, type Action, type InitiativeDoc } from '../../src/services/workflow.service.js';
import type { FlowCtx } from '../flows/engine.js';
import { flows } from '../flows/index.js';
import { parseCardButton } from './card.js';

/** Actions that need a few words first: the question, the reason, the council's decision. */
export const ACTIONS_WITH_NOTE: Action[] = ['info', 'reject', 'recognize'];

/** A support member pressed a button on a card. */
export async function pressCardButton(ctx: FlowCtx, data: string): Promise<Reply[]> {
  const pressed = parseCardButton(data);
  const i = pressed ? await findInitiative(pressed.code) : null;
  if (!pressed || !i) {
    ctx.notice = msg('flow-stale-button');
    return [];
  }
  if (!canWork(ctx.member, i)) {
    ctx.notice = msg('support-not-allowed');
    return [];
  }
  // Refused before asking for a note the action could not use (Recognise on an item not yet accepted).
  if (nextStatus(pressed.action, i.status) === null) {
    ctx.notice = msg('support-illegal', { code: i.code, status: i.status, action: pressed.action });
    return [];
  }
  if (pressed.action === 'take' && i.assigneeId?.equals(ctx.member._id)) {
    ctx.notice = msg('support-already-yours', { code: i.code });
    return [];
  }
  if (ACTIONS_WITH_NOTE.includes(pressed.action)) {
    return flows.start(ctx, 'card-note', { code: i.code, action: pressed.action, chatId: ctx.event.chatId });
  }
  const outcome = await act(ctx, i.code, pressed.action, '', i);
  ctx.notice = outcome;
  return [];
}

/**
 * Applies one action for the member and tells the cards and the author; returns what to say to the
 * member. `known`: the initiative as just read, so the transition need not read it again.
 */
export async function act(ctx: FlowCtx, code: string, action: Action, note: string, known?: InitiativeDoc) {
  const result = await transition({ code, action, by: ctx.member._id, note }, ctx.deps, known);
  if (!result.ok) {
    if (result.reason === 'unknown') return msg('support-unknown-code', { code });
    if (result.reason === 'taken') return msg('support-taken', { code });
    if (result.reason === 'already-yours') return msg('support-already-yours', { code });
    return msg('support-illegal', { code, status: result.initiative!.status, action });
  }
  const i = result.initiative;
  if (action === 'recognize') await setRecognitionDecision(i._id, note);
  await ctx.deps.followUps.add({ kind: 'update-cards', code: i.code, rev: i.rev });
  if (result.from !== result.to) {
    const notice = reply(msg('status-notice', { code, status: result.to, note: note || '—' }));
    await ctx.deps.followUps.add({ kind: 'tell-author', code, key: `notice:${code}:r${result.rev}`, reply: notice, as: 'notice' });
  }
  return msg('support-done', { code, status: result.to });
}
