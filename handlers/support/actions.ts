import { msg } from '../../src/core/i18n.js';
import { canWork } from '../../src/services/support.service.js';
import { findInitiative, nextStatus, type Action } from '../../src/services/workflow.service.js';
import { act } from './act.js';
import type { FlowCtx, Handled, PersonCtx } from '../flows/engine.js';
import { flows } from '../flows/index.js';
import { cardAction } from '../../src/core/callback-data.js';

/** Actions that need a few words first: the question, the reason, the council's decision. */
export const ACTIONS_WITH_NOTE: Action[] = ['info', 'reject', 'recognize'];

/**
 * A support member pressed a button on a card (or typed its command). `withState`: the member's flow
 * state, read only when the action asks for a note first.
 */
export async function pressCardButton(
  ctx: PersonCtx,
  data: { code: string; action: string },
  withState: () => Promise<FlowCtx>,
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
    return {
      replies: await flows.start(await withState(), 'card-note', {
        code: i.code,
        action: pressed.action,
        chatId: ctx.event.chatId,
      }),
    };
  }
  return { replies: [], notice: await act(ctx, i.code, pressed.action, '', i) };
}
