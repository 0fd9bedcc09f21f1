import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { updateSettings } from '../../src/services/members.service.js';
import { DEFAULT_QUIET, parseQuietHours, type QuietHours } from '../../src/core/schedule.js';
import type { FlowCtx } from '../flows/engine.js';
import { withPendingQuestion } from '../reprompt.js';

/** No hour is quiet: from and to the same hour. */
const NEVER_QUIET: QuietHours = { from: 0, to: 0 };

/**
 * /quiet: the hours (Vietnam time) when reminders and reports wait: `/quiet 22-6`, `/quiet off`,
 * `/quiet` to see them. Default 21-7.
 */
export async function quiet(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const wanted = args.trim().toLowerCase();
  const next = !wanted
    ? (ctx.member.quiet ?? DEFAULT_QUIET)
    : wanted === 'off' || wanted === 'tat'
      ? NEVER_QUIET
      : parseQuietHours(wanted);
  if (!next) return withPendingQuestion(ctx, [reply(msg('quiet-usage'))]);
  if (wanted) await updateSettings(ctx.member._id, { quiet: next });
  const now =
    next.from === next.to
      ? msg('quiet-none')
      : msg('quiet-now', { from: next.from, to: next.to, overnight: next.from > next.to ? 'yes' : 'no' });
  return withPendingQuestion(ctx, [reply([now, msg('quiet-usage')])]);
}
