import { CALLBACKS, CARD_ACTIONS, type CardAction } from '../core/callback-data.js';
import { msg } from '../core/i18n.js';
import type { Button, Reply } from '../core/reply.js';
import { maskPhone } from '../logger.js';
import { MemberModel } from '../models/index.js';
import { findUnit } from './units.service.js';
import { nextStatus, type InitiativeDoc } from './workflow.service.js';
import { formatVnd } from '../core/vnd.js';
import { formatDay } from '../core/time.js';
import type { Locale } from '../core/channel.js';

export const cardButtonData = (code: string, action: CardAction): string => CALLBACKS.card.pack({ code, action });

function cardButtons(i: InitiativeDoc): Button[][] {
  const allowed = CARD_ACTIONS.filter((a) => nextStatus(a, i.status) !== null && !(a === 'take' && i.assigneeId));
  const buttons = allowed.map((a) => ({ label: msg(`card-btn-${a}`), data: cardButtonData(i.code, a) }));
  return buttons.reduce<Button[][]>(
    (rows, b, n) => (n % 2 === 0 ? [...rows, [b]] : (rows[rows.length - 1]!.push(b), rows)),
    [],
  );
}

/**
 * The card a support team works from. `full` shows the content; `existence` is what ancestors and
 * others see of a trade secret: that it exists, its unit and status, nothing more.
 */
export async function renderCard(
  i: InitiativeDoc,
  view: 'full' | 'existence',
  locale: Locale,
  notes: Reply['parts'] = [],
): Promise<Reply> {
  const [unit, author, assignee, merged] = await Promise.all([
    findUnit(i.unitCode),
    MemberModel.findById(i.authorId).lean(),
    i.assigneeId ? MemberModel.findById(i.assigneeId).lean() : null,
    i.coAuthorIds.length > 0 ? MemberModel.find({ _id: { $in: i.coAuthorIds } }, { name: 1 }).lean() : [],
  ]);
  const common = {
    code: i.code,
    unit: unit?.name ?? i.unitCode,
    status: i.status,
    into: i.mergedInto ?? '',
    assignee: assignee?.name || '—',
  };
  if (view === 'existence') return { parts: [msg('card-confidential', common), ...notes] };
  return {
    parts: [
      msg('card', {
        ...common,
        author: author?.name || '—',
        // Authors of duplicates merged into this one (/merge) share its credit.
        mergedAuthors: merged.map((m) => m.name || '—').join(', ') || 'none',
        phone: author?.phone ? maskPhone(author.phone) : '—',
        quick: i.quick ? 'yes' : 'no',
        idea: i.idea,
        title: i.title,
        problem: i.problem || '—',
        solution: i.solution || '—',
        benefit: i.benefit || '—',
        value: i.valueVnd === null || i.valueVnd === undefined ? '—' : formatVnd(i.valueVnd, locale),
        scope: i.scope || '—',
        category: i.category ?? 'none',
        coAuthors: i.coAuthors || '—',
        attachments: i.attachments.length,
        confidential: i.confidential ? 'yes' : 'no',
      }),
      ...(i.decisionNumber && i.decisionDate
        ? [msg('card-decision', { number: i.decisionNumber, date: formatDay(i.decisionDate) })]
        : []),
      ...notes,
    ],
    buttons: cardButtons(i),
  };
}
