import { msg, type Msg } from '../../src/core/i18n.js';
import { reply } from '../../src/core/reply.js';
import { formatDay } from '../../src/core/time.js';
import { transition, type Action, type InitiativeDoc } from '../../src/services/workflow.service.js';
import type { PersonCtx } from '../flows/engine.js';

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
