import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import {
  canSeeContent,
  canWork,
  groupOfChat,
  hasRole,
  linkGroup,
  unlinkGroup,
} from '../../src/services/support.service.js';
import { findUnit, findUnitByTypedCode, pathOf } from '../../src/services/units.service.js';
import { eventsOf, findInitiative, isAuthorOf, openQueueOf } from '../../src/services/workflow.service.js';
import { truncate } from '../../src/core/text.js';
import { CODE_PATTERN } from '../../src/core/codes.js';
import type { FlowCtx } from '../flows/engine.js';
import { renderCard } from '../../src/services/cards.service.js';
import { act } from '../support/card-actions.js';
import { relayFromAuthor, relayFromTeam } from '../support/relay.js';

const QUEUE_SHOWN = 30;

/** /linkgroup CODE, sent in a group: cards of that unit come here from now on. */
export async function linkgroup(ctx: FlowCtx, args: string): Promise<Reply[]> {
  if (ctx.event.chatType !== 'group') return [reply(msg('linkgroup-in-group-only'))];
  const unit = args ? await findUnitByTypedCode(args) : null;
  if (!unit) return [reply(msg(args ? 'linkgroup-unknown-unit' : 'linkgroup-usage', { code: args }))];
  const allowed =
    hasRole(ctx.member, 'support', unit.code) || pathOf(unit).some((c) => hasRole(ctx.member, 'admin', c));
  if (!allowed) return [reply(msg('linkgroup-not-allowed', { unit: unit.name }))];
  const result = await linkGroup({
    channel: ctx.event.channel,
    chatId: ctx.event.chatId,
    title: ctx.event.chatTitle ?? '',
    unitCode: unit.code,
    by: ctx.member._id,
  });
  return [reply(msg(`linkgroup-${result}`, { unit: unit.name }))];
}

/**
 * /unlinkgroup: in a linked group, removes its link; elsewhere `/unlinkgroup CODE` removes the link of
 * that unit (a group that is gone or moved). Support members and admins of the unit only.
 */
export async function unlinkgroup(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const here = ctx.event.chatType === 'group' && !args ? await groupOfChat(ctx.event.channel, ctx.event.chatId) : null;
  const unit = here ? await findUnit(here.unitCode) : args ? await findUnitByTypedCode(args) : null;
  if (!unit) return [reply(msg(args ? 'linkgroup-unknown-unit' : 'unlinkgroup-usage', { code: args }))];
  const allowed =
    hasRole(ctx.member, 'support', unit.code) || pathOf(unit).some((c) => hasRole(ctx.member, 'admin', c));
  if (!allowed) return [reply(msg('linkgroup-not-allowed', { unit: unit.name }))];
  return [reply(msg((await unlinkGroup(unit.code)) ? 'unlinkgroup-done' : 'unlinkgroup-none', { unit: unit.name }))];
}

/** /reply CODE text: the team to the author, or the author to the team. */
export async function replyCommand(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const [code = '', ...rest] = args.split(/\s+/);
  const text = rest.join(' ');
  if (!CODE_PATTERN.test(code) || !text.trim()) return [reply(msg('reply-usage'))];
  const i = await findInitiative(code);
  if (!i) return [reply(msg('support-unknown-code', { code }))];
  if (isAuthorOf(i, ctx.member._id)) return relayFromAuthor(ctx, i, { kind: 'text', text });
  return relayFromTeam(ctx, i, { kind: 'text', text });
}

/** /queue: open initiatives of the member's units, oldest first, with age and assignee. */
export async function queue(ctx: FlowCtx): Promise<Reply[]> {
  if (!ctx.member.roles.some((r) => r.role === 'support' || r.role === 'admin')) {
    const officer = ctx.member.roles.some((r) => r.role === 'officer');
    return [reply(msg('queue-not-support', { officer: officer ? 'yes' : 'no' }))];
  }
  const items = await openQueueOf(ctx.member, QUEUE_SHOWN);
  if (items.length === 0) return [reply(msg('queue-empty'))];
  const now = ctx.deps.clock.now().getTime();
  const lines = items.map((i) =>
    msg('queue-item', {
      code: i.code,
      status: i.status,
      hours: Math.floor((now - i.submittedAt.getTime()) / 3_600_000),
      taken: i.assigneeId ? 'yes' : 'no',
      title: canSeeContent(ctx.member, i) ? truncate(i.title || i.idea, 60) : '🔒',
    }),
  );
  return [reply([msg('queue-header', { count: items.length }), ...lines])];
}

/** /show CODE: one initiative with its history, for its team, admins and its author. */
export async function show(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const code = args.trim();
  const i = CODE_PATTERN.test(code) ? await findInitiative(code) : null;
  if (!i) return [reply(msg('support-unknown-code', { code }))];
  const isAuthor = isAuthorOf(i, ctx.member._id);
  if (!isAuthor && !canWork(ctx.member, i)) return [reply(msg('support-not-allowed'))];
  const view = isAuthor || canSeeContent(ctx.member, i) ? 'full' : 'existence';
  const history = (await eventsOf(i._id)).map((e) =>
    msg('show-history-item', {
      date: e.at.toISOString().slice(0, 16).replace('T', ' '),
      from: e.from,
      to: e.to,
      note: e.note || '—',
    }),
  );
  const card = await renderCard(i, view, ctx.locale, history);
  return [{ parts: card.parts }];
}

/** /withdraw CODE: the author takes back an initiative not yet accepted. */
export async function withdraw(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const code = args.trim();
  const i = CODE_PATTERN.test(code) ? await findInitiative(code) : null;
  if (!i) return [reply(msg('support-unknown-code', { code }))];
  if (!i.authorId.equals(ctx.member._id)) return [reply(msg('withdraw-not-author', { code }))];
  return [reply(await act(ctx, code, 'withdraw', ''))];
}
