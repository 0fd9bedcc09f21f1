import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { countByAuthor, listByAuthor } from '../../src/services/initiatives.service.js';
import { truncate } from '../../src/core/text.js';
import { vietnamDay, formatDay } from '../../src/core/time.js';
import type { FlowCtx } from '../flows/engine.js';
import { isRegistered, withPendingQuestion } from '../reprompt.js';

const SHOWN = 20;

/** /mine: the member's initiatives (and those they co-author through a merge), newest first, with code and status. */
export async function mine(ctx: FlowCtx): Promise<Reply[]> {
  if (!isRegistered(ctx)) return [reply(msg('need-registration'))];
  const [items, total] = await Promise.all([listByAuthor(ctx.member._id, SHOWN), countByAuthor(ctx.member._id)]);
  if (items.length === 0) return withPendingQuestion(ctx, [reply(msg('mine-empty'))]);
  const lines = items.map((i) =>
    msg('mine-item', {
      code: i.code,
      status: i.status,
      into: i.mergedInto ?? '',
      coAuthor: i.authorId.equals(ctx.member._id) ? 'no' : 'yes',
      title: truncate(i.title || i.idea, 80),
      date: formatDay(vietnamDay(i.submittedAt)),
    }),
  );
  const header = msg('mine-header', { shown: items.length, total });
  return withPendingQuestion(ctx, [reply([header, ...lines])]);
}
