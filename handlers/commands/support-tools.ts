import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { quickIdeaFields, submitInitiative } from '../../src/services/initiatives.service.js';
import { CODE_PATTERN } from '../../src/core/codes.js';
import { findMember, linkedChannels, memberByPhoneOrNew, normalizePhone } from '../../src/services/members.service.js';
import { cannedRepliesOf, canWork, findCannedReply, saveCannedReply } from '../../src/services/support.service.js';
import { unitName } from '../../src/services/units.service.js';
import {
  addToThread,
  CLOSED,
  findInitiative,
  transition,
  type InitiativeDoc,
} from '../../src/services/workflow.service.js';
import { fail, ok, type Result } from '../../src/core/result.js';
import { cleanText, hasContent, truncate } from '../../src/core/text.js';
import type { FlowCtx } from '../flows/engine.js';
import { tellAuthor } from '../../src/services/notifications.service.js';
import { relayFromTeam } from '../support/relay.js';

const TEMPLATE_NAME = /^[a-z0-9_-]{1,32}$/;

const supportUnits = (ctx: FlowCtx): string[] =>
  ctx.member.roles.filter((r) => r.role === 'support').map((r) => r.unitCode);

/** Loads an initiative the member may work on, or says why not. */
async function workable(ctx: FlowCtx, code: string): Promise<Result<InitiativeDoc, Reply[]>> {
  const i = CODE_PATTERN.test(code) ? await findInitiative(code) : null;
  if (!i) return fail([reply(msg('support-unknown-code', { code }))]);
  if (!canWork(ctx.member, i)) return fail([reply(msg('support-not-allowed'))]);
  return ok(i);
}

/** /note CODE text: a private team note the author never sees. */
export async function note(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const [code = '', ...rest] = args.split(/\s+/);
  const text = cleanText(rest.join(' '));
  if (!hasContent(text)) return [reply(msg('note-usage'))];
  const found = await workable(ctx, code);
  if (!found.ok) return found.error;
  await addToThread({
    initiativeId: found.value._id,
    by: ctx.member._id,
    direction: 'note',
    text,
    clock: ctx.deps.clock,
  });
  return [reply(msg('support-note-saved', { code }))];
}

/**
 * /tpl: the team's canned replies. `/tpl` lists them, `/tpl add name Vietnamese text || English text`
 * saves one for the member's unit, `/tpl name CODE` sends it to that initiative's author in their language.
 */
export async function tpl(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const units = supportUnits(ctx);
  if (units.length === 0) return [reply(msg('support-not-allowed'))];
  const [first = '', second = '', ...rest] = args.split(/\s+/);
  if (!first) {
    const saved = await cannedRepliesOf(units);
    if (saved.length === 0) return [reply(msg('tpl-none'))];
    return [
      reply([
        msg('tpl-list-header'),
        ...saved.map((t) =>
          msg('tpl-list-item', { name: t.name, text: truncate(ctx.locale === 'en' ? t.en : t.vi, 80) }),
        ),
      ]),
    ];
  }
  if (first === 'add') {
    const [vi = '', en = ''] = rest.join(' ').split('||').map(cleanText);
    if (!TEMPLATE_NAME.test(second) || !hasContent(vi) || !hasContent(en)) return [reply(msg('tpl-usage'))];
    await saveCannedReply(units[0]!, second, { vi, en });
    return [reply(msg('tpl-saved', { name: second }))];
  }
  const found = await workable(ctx, second);
  if (!found.ok) return found.error;
  const template = await findCannedReply([found.value.routedTo ?? found.value.unitCode, ...units], first);
  if (!template) return [reply(msg('tpl-unknown', { name: first }))];
  const author = await findMember(found.value.authorId);
  return relayFromTeam(ctx, found.value, { kind: 'text', text: author?.locale === 'en' ? template.en : template.vi });
}

/**
 * /onbehalf PHONE | NAME | IDEA: a worker told their idea in person. It is stored as their quick idea
 * (they are found by phone, or recorded as a new member of the support member's unit), marked as entered
 * by the support member, and the worker is told if the bot can reach them.
 */
export async function onbehalf(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const units = supportUnits(ctx);
  if (units.length === 0) return [reply(msg('support-not-allowed'))];
  const [rawPhone = '', rawName = '', ...ideaParts] = args.split('|').map((p) => cleanText(p));
  const idea = ideaParts.join(' | ');
  const phone = normalizePhone(rawPhone);
  if (!/^\+\d{9,15}$/.test(phone) || !hasContent(rawName) || !hasContent(idea)) return [reply(msg('onbehalf-usage'))];
  const author = await memberByPhoneOrNew({ phone, name: rawName, unitCode: units[0]! }, ctx.deps.clock);
  const { code } = await submitInitiative(
    {
      authorId: author.id,
      unitCode: author.unitCode,
      channel: ctx.event.channel,
      quick: true,
      fields: quickIdeaFields(idea),
      submissionKey: `onbehalf:${ctx.event.channel}:${ctx.event.eventId}`,
      enteredBy: ctx.member._id,
    },
    ctx.deps,
  );
  await ctx.deps.followUps.add({ kind: 'post-cards', code });
  const i = (await findInitiative(code))!;
  // Someone recorded by a team before, who never wrote to the bot, is told when they register (see linking).
  const told =
    author.existed && (await linkedChannels(author.id)).length > 0
      ? (await tellAuthor(
          ctx.deps,
          i,
          () => reply(msg('onbehalf-told', { code, team: ctx.member.name || '—' })),
          `onbehalf:${code}`,
          'notice',
        )) !== 'unreachable'
      : false;
  return [reply(msg(told ? 'onbehalf-done-told' : 'onbehalf-done', { code, unit: await unitName(author.unitCode) }))];
}

/**
 * /merge CODE INTO: a duplicate joins the initiative it repeats. It is closed as `merged` (not a refusal:
 * it leaves the counts, and its author becomes a co-author of the kept one); both authors are told.
 */
export async function merge(ctx: FlowCtx, args: string): Promise<Reply[]> {
  const [code = '', into = ''] = args.split(/\s+/);
  if (!CODE_PATTERN.test(code) || !CODE_PATTERN.test(into) || code === into) return [reply(msg('merge-usage'))];
  const dup = await workable(ctx, code);
  if (!dup.ok) return dup.error;
  const kept = await workable(ctx, into);
  if (!kept.ok) return kept.error;
  if (dup.value.unitCode !== kept.value.unitCode) return [reply(msg('merge-other-unit'))];
  if (CLOSED.includes(kept.value.status)) return [reply(msg('merge-into-closed', { into, status: kept.value.status }))];
  const merged = await transition(
    { code, action: 'merge', by: ctx.member._id, note: `→ ${into}`, details: { action: 'merge', mergedInto: into } },
    ctx.deps,
    dup.value,
  );
  if (!merged.ok)
    return [
      reply(msg('support-illegal', { code, status: merged.initiative?.status ?? dup.value.status, action: 'merge' })),
    ];
  // Both cards change: the duplicate's status, the kept one's authors (its revision stays, hence the tag).
  await ctx.deps.followUps.add({ kind: 'update-cards', code, rev: merged.rev });
  await ctx.deps.followUps.add({ kind: 'update-cards', code: into, rev: kept.value.rev, tag: `merged-${code}` });
  await ctx.deps.followUps.add({
    kind: 'tell-author',
    code,
    key: `merge:${code}`,
    reply: reply(msg('merge-told', { code, into })),
    as: 'notice',
  });
  if (!kept.value.authorId.equals(dup.value.authorId)) {
    const author = (await findMember(dup.value.authorId))?.name || '—';
    await ctx.deps.followUps.add({
      kind: 'tell-author',
      code: into,
      key: `merged-into:${into}:${code}`,
      reply: reply(msg('merge-told-kept', { code, into, author })),
      as: 'notice',
    });
  }
  return [reply(msg('merge-done', { code, into }))];
}
