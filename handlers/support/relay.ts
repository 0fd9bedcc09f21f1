import { msg } from '../../src/core/i18n.js';
import { reply, type Reply } from '../../src/core/reply.js';
import { type InboundPayload } from '../../src/core/event.js';
import { canWork, privateChatOf } from '../../src/services/support.service.js';
import { addToThread, transition, type InitiativeDoc } from '../../src/services/workflow.service.js';
import { cleanText } from '../../src/core/text.js';
import type { FlowCtx } from '../flows/engine.js';
import { tellTeam } from '../../src/services/notifications.service.js';
import { unitName } from '../../src/services/units.service.js';

type Said = Extract<InboundPayload, { kind: 'text' } | { kind: 'media' }>;

const textOf = (said: Said): string => cleanText(said.kind === 'text' ? said.text : said.caption);
const filesOf = (said: Said): NonNullable<Reply['attachments']> =>
  said.kind === 'media' ? [{ kind: said.attachment.kind, fileId: said.attachment.fileId }] : [];
const storedFiles = (said: Said, ctx: FlowCtx) =>
  said.kind === 'media' ? [{ ...said.attachment, channel: ctx.event.channel }] : [];

/**
 * A support member wrote on an initiative (a reply to its card, or /reply CODE text): it reaches the
 * author signed by the team, not by the member. Text starting with "!" is a private team note.
 */
export async function relayFromTeam(ctx: FlowCtx, i: InitiativeDoc, said: Said): Promise<Reply[]> {
  if (!canWork(ctx.member, i)) return [reply(msg('support-not-allowed'))];
  const text = textOf(said);
  if (text.startsWith('!')) {
    await addToThread({
      initiativeId: i._id,
      by: ctx.member._id,
      direction: 'note',
      text: text.slice(1).trim(),
      clock: ctx.deps.clock,
    });
    return [reply(msg('support-note-saved', { code: i.code }))];
  }
  if (i.status === 'withdrawn') return [reply(msg('support-withdrawn', { code: i.code }))];
  // An author known to have blocked the bot: the answer says so, and nothing is queued to fail again.
  const reachable = (await privateChatOf(i.authorId)) !== null;
  if (reachable) {
    const team = await unitName(i.routedTo ?? i.unitCode);
    // Whatever the author's messenger then refuses (blocked, Zalo's window) comes back to the team.
    await ctx.deps.followUps.add({
      kind: 'tell-author',
      code: i.code,
      key: `relay:${i.code}:${ctx.event.channel}:${ctx.event.eventId}`,
      reply: {
        parts: [msg('relay-to-author', { code: i.code, team, text: text || '—' })],
        attachments: filesOf(said),
      },
      as: 'relay',
    });
  }
  await addToThread({
    initiativeId: i._id,
    by: ctx.member._id,
    direction: 'to_submitter',
    text,
    attachments: storedFiles(said, ctx),
    clock: ctx.deps.clock,
  });
  return [reply(msg(reachable ? 'support-relayed' : 'support-relay-unreachable', { code: i.code }))];
}

/** The author answered (a reply to the team's message, /reply CODE text, or any message while info is needed). */
export async function relayFromAuthor(ctx: FlowCtx, i: InitiativeDoc, said: Said): Promise<Reply[]> {
  if (i.status === 'withdrawn' || i.status === 'rejected') return [reply(msg('relay-closed', { code: i.code }))];
  // A merged duplicate's conversation goes on under the initiative it joined.
  if (i.status === 'merged') return [reply(msg('relay-merged', { code: i.code, into: i.mergedInto ?? '' }))];
  const text = textOf(said);
  const sent = await tellTeam(
    ctx.deps,
    i,
    {
      parts: [msg('relay-from-author', { code: i.code, author: ctx.member.name || '—', text: text || '—' })],
      attachments: filesOf(said),
      attachmentCaption: msg('attachment-caption', { code: i.code }),
    },
    `relay-in:${i.code}:${ctx.event.channel}:${ctx.event.eventId}`,
  );
  await addToThread({
    initiativeId: i._id,
    by: ctx.member._id,
    direction: 'from_submitter',
    text,
    attachments: storedFiles(said, ctx),
    clock: ctx.deps.clock,
  });
  if (i.status === 'needs_info') {
    const moved = await transition({ code: i.code, action: 'answered', by: ctx.member._id }, ctx.deps);
    if (moved.ok) await ctx.deps.followUps.add({ kind: 'update-cards', code: i.code, rev: moved.initiative.rev });
  }
  return [reply(msg(sent > 0 ? 'relay-sent-to-team' : 'relay-queued', { code: i.code }))];
}
