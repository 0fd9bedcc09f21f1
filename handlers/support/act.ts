import { msg, type Msg } from '../../src/core/i18n.js';
import { reply } from '../../src/core/reply.js';
import {
  setRecognitionDecision,
  transition,
  type Action,
  type InitiativeDoc,
} from '../../src/services/workflow.service.js';
import type { FlowCtx } from '../flows/engine.js';

/**
 * Applies one action for the member and tells the cards and the author; returns what to say to the
 * member. `known`: the initiative as just read, so the transition need not read it again.
 */
export async function act(
  ctx: FlowCtx,
  code: string,
  action: Action,
  note: string,
  known?: InitiativeDoc,
): Promise<Msg> {
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
