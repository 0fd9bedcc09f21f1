import { HOUR_MS } from '../core/time.js';
import type { Types } from 'mongoose';
import { msg, type Msg } from '../core/i18n.js';
import type { Reply } from '../core/reply.js';
import { MemberModel, InitiativeModel } from '../models/index.js';
import { type Channel, type Locale } from '../core/channel.js';
import { cardsOf, enqueue, type DeliveryDeps, type Outcome, type Outgoing } from './delivery.service.js';
import {
  adminsOver,
  groupOfChat,
  markGroupLost,
  markUnreachable,
  privateChatOf,
  teamFor,
  unreachableSince,
  type SupportTeam,
} from './support.service.js';
import { findInitiative, setRoutedTo, type InitiativeDoc, OPEN } from './workflow.service.js';
import { renderCard } from './cards.service.js';
import { similarTo } from './similarity.js';
import { findUnit, unitName } from './units.service.js';

/** A team sees a card's content unless it is a trade secret and the team is not its own unit's. */
export const cardView = (i: InitiativeDoc, teamUnit: string): 'full' | 'existence' =>
  !i.confidential || teamUnit === i.unitCode ? 'full' : 'existence';

/**
 * The initiative's files for a card: Telegram re-sends its own by file id and fetches Zalo's by their
 * link; a Zalo card notes a Telegram file it cannot show (see the Zalo senders).
 */
const filesOf = (i: InitiativeDoc): NonNullable<Reply['attachments']> =>
  i.attachments.map((a) => ({ kind: a.kind, fileId: a.fileId }));

interface Target {
  channel: Channel;
  chatId: string;
  locale: Locale;
  /** Distinguishes the targets of one notification in its key. */
  id: string;
  /** A person (not a group): their other messenger may carry what one refuses. */
  memberId?: string;
}

async function memberTarget(memberId: Types.ObjectId): Promise<Target | null> {
  const [member, chat] = await Promise.all([MemberModel.findById(memberId).lean(), privateChatOf(memberId)]);
  return member && chat ? { ...chat, locale: member.locale, id: String(memberId), memberId: String(memberId) } : null;
}

const recipientOf = (t: Target, unitCode: string): Pick<Outgoing, 'recipient'> =>
  t.memberId ? { recipient: { memberId: t.memberId, unitCode } } : {};

async function teamTargets(team: SupportTeam): Promise<Target[]> {
  if (team.group) return [{ ...team.group, locale: 'vi', id: team.group.chatId }];
  const targets = await Promise.all(team.members.map((m) => memberTarget(m._id)));
  return targets.filter((t): t is Target => t !== null);
}

/** A new initiative goes to its unit's support team (or the nearest ancestor's) as a card with buttons. */
export async function postCards(deps: DeliveryDeps, code: string): Promise<void> {
  const found = await findInitiative(code);
  if (!found) throw new Error(`cannot post cards: no initiative ${code}`);
  const team = await teamFor(found.unitCode);
  if (!team) {
    deps.log.warn(
      { code, unit: found.unitCode },
      'no support team up the tree; the initiative waits in /queue of admins',
    );
    return;
  }
  await setRoutedTo(found._id, team.unitCode);
  const i = { ...found, routedTo: team.unitCode };
  const similar = cardView(i, team.unitCode) === 'full' ? await similarTo(deps.redis, i) : [];
  const notes =
    similar.length > 0 ? [msg('card-similar', { list: similar.map((s) => `${s.code} (${s.title})`).join('; ') })] : [];
  await sendCards(deps, i, team, notes, 'card');
}

/** The cards of an initiative for one team; `keyPrefix` tells first cards from escalated ones. */
export async function sendCards(
  deps: DeliveryDeps,
  i: InitiativeDoc,
  team: SupportTeam,
  notes: Msg[],
  keyPrefix: string,
): Promise<void> {
  const items: Outgoing[] = [];
  const view = cardView(i, team.unitCode);
  const targets = await teamTargets(team);
  if (targets.length === 0) {
    // Nobody of the team has written to the bot yet, so no one may be written to: the card waits for them.
    await deps.redis.sadd(waitingKey(team.unitCode), i.code);
    deps.log.info(
      { code: i.code, unit: team.unitCode },
      'no support member can be written to yet (none has written to the bot); the card waits until one does',
    );
    return;
  }
  for (const t of targets) {
    const card = await renderCard(i, view, t.locale, notes);
    const files = view === 'full' ? filesOf(i) : [];
    items.push({
      key: `${keyPrefix}:${i.code}:${t.id}`,
      channel: t.channel,
      chatId: t.chatId,
      locale: t.locale,
      reply: {
        ...card,
        attachments: files,
        ...(files.length ? { attachmentCaption: msg('attachment-caption', { code: i.code }) } : {}),
      },
      kind: 'card',
      initiativeCode: i.code,
      view,
      ...recipientOf(t, team.unitCode),
    });
  }
  await enqueue(deps, items);
}

/** Initiatives whose first cards wait for a member of this unit's team to become reachable. */
const waitingKey = (unitCode: string) => `cards-waiting:${unitCode}`;

/**
 * A support member of these units can now be written to (they wrote to the bot): the initiatives whose
 * cards waited for that, to post now. Taken once; posting again is harmless (keys are per recipient).
 */
export async function takeWaitingCards(redis: DeliveryDeps['redis'], unitCodes: string[]): Promise<string[]> {
  const codes: string[] = [];
  for (const unit of unitCodes) {
    const waiting = await redis.smembers(waitingKey(unit));
    if (waiting.length === 0) continue;
    await redis.srem(waitingKey(unit), ...waiting);
    codes.push(...waiting);
  }
  return codes;
}

/**
 * Re-renders every card of an initiative after a change (status, assignee), once per revision; `tag`
 * names a change that moves no revision (a duplicate merged into it), once per tag.
 */
export async function updateCards(
  deps: DeliveryDeps,
  i: InitiativeDoc,
  notes: Msg[] = [],
  tag?: string,
): Promise<void> {
  const items: Outgoing[] = [];
  for (const card of await cardsOf(i.code)) {
    const view = card.view ?? 'existence';
    const reply = await renderCard(i, view, card.locale, notes);
    items.push({
      key: `card-edit:${card.key}:r${i.rev}${tag ? `:${tag}` : ''}`,
      channel: card.channel,
      chatId: card.chatId,
      locale: card.locale,
      reply,
      kind: 'card',
      initiativeCode: i.code,
      editOf: card.key,
      view,
    });
  }
  await enqueue(deps, items);
}

/**
 * Something for the team working an initiative, in its card thread: a reply to the card in a group,
 * or privately to the assignee (or, before anyone took it, to whoever got the card).
 */
export async function tellTeam(deps: DeliveryDeps, i: InitiativeDoc, reply: Reply, key: string): Promise<number> {
  const items: Outgoing[] = [];
  for (const card of await cardsOf(i.code)) {
    const inGroup = await groupOfChat(card.channel, card.chatId);
    const assigneeChat = i.assigneeId ? await privateChatOf(i.assigneeId) : null;
    if (!inGroup && assigneeChat && assigneeChat.chatId !== card.chatId) continue;
    items.push({
      key: `${key}:${card.chatId}`,
      channel: card.channel,
      chatId: card.chatId,
      locale: card.locale,
      reply: { ...reply, replyToMessageId: card.sentMessageIds[0]! },
      kind: 'relay',
      initiativeCode: i.code,
    });
  }
  await enqueue(deps, items);
  return items.length;
}

export type Told = 'sent' | 'unreachable';

/**
 * Something for the author, on the messenger they used last, through the delivery queue: 'sent' once
 * queued (what the messenger then refuses comes back to the team, see settle), 'unreachable' when they
 * have no messenger the bot may write to.
 */
export async function tellAuthor(
  deps: DeliveryDeps,
  i: InitiativeDoc,
  reply: (locale: Locale) => Reply,
  key: string,
  kind: 'relay' | 'notice',
): Promise<Told> {
  const target = await memberTarget(i.authorId);
  if (!target) {
    await tellTeamAuthorUnreachable(deps, i);
    return 'unreachable';
  }
  await enqueue(deps, [
    {
      key,
      channel: target.channel,
      chatId: target.chatId,
      locale: target.locale,
      reply: reply(target.locale),
      kind,
      initiativeCode: i.code,
      ...recipientOf(target, i.unitCode),
    },
  ]);
  return 'sent';
}

/**
 * What the delivery worker's outcome for a message about an initiative means: a person who blocked the
 * bot is marked unreachable and the team is told on the card; a group the bot was removed from is
 * marked lost, its cards go to the members privately, and the admins are told; a relay Zalo holds until
 * the author writes again is announced to the team.
 */
export async function settle(deps: DeliveryDeps, i: InitiativeDoc, outcomes: Outcome[]): Promise<void> {
  for (const o of outcomes) {
    if (o.status === 'held' && o.item.kind === 'relay' && o.item.recipient?.memberId === String(i.authorId)) {
      await tellTeam(deps, i, { parts: [msg('support-relay-held', { code: i.code })] }, `held:${o.key}`);
      continue;
    }
    if (o.status !== 'unreachable') continue;
    const { item } = o;
    const group = await groupOfChat(item.channel, item.chatId);
    if (group) {
      await markGroupLost(item.channel, item.chatId, deps.clock.now());
      await tellAdmins(
        deps,
        group.unitCode,
        msg('support-group-lost', { title: group.title, unit: group.unitCode }),
        `group-lost:${item.chatId}:${group.updatedAt.getTime()}`,
      );
      if (item.kind === 'card' && !item.editOf) await postCards(deps, i.code);
      continue;
    }
    await markUnreachable(item.channel, item.chatId, deps.clock.now());
    if (item.recipient?.memberId === String(i.authorId)) await tellTeamAuthorUnreachable(deps, i);
  }
}

/**
 * The author cannot be reached (blocked the bot, or has no messenger): the team working the initiative is
 * told once for as long as that lasts, however many relays and status notices fail meanwhile (and however
 * often the delivery worker retries one), and again only after the author wrote and then blocked anew.
 */
async function tellTeamAuthorUnreachable(deps: DeliveryDeps, i: InitiativeDoc): Promise<void> {
  const since = await unreachableSince(i.authorId);
  await tellTeam(
    deps,
    i,
    { parts: [msg('card-author-unreachable', { code: i.code })] },
    `author-unreachable:${i.code}:${since?.getTime() ?? 'never-reached'}`,
  );
}

async function tellAdmins(deps: DeliveryDeps, unitCode: string, text: Msg, key: string): Promise<void> {
  const items: Outgoing[] = [];
  for (const admin of await adminsOver(unitCode)) {
    const t = await memberTarget(admin._id);
    if (t)
      items.push({
        key: `${key}:${t.id}`,
        channel: t.channel,
        chatId: t.chatId,
        locale: t.locale,
        reply: { parts: [text] },
        kind: 'notice',
      });
  }
  await enqueue(deps, items);
}

export const ESCALATE_AFTER_HOURS = 48;
const BATCH = 500;

/**
 * Initiatives nobody took within 48 hours go up to the parent unit's team, once: their card is posted
 * there with a note, and the first team's card says where it went. Returns how many were escalated.
 */
export async function escalateStale(deps: DeliveryDeps): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - ESCALATE_AFTER_HOURS * HOUR_MS);
  const stale = await InitiativeModel.find({
    status: { $in: OPEN },
    assigneeId: null,
    escalatedAt: null,
    submittedAt: { $lt: cutoff },
  })
    .sort({ submittedAt: 1 })
    .limit(BATCH)
    .lean();
  let escalated = 0;
  for (const i of stale) {
    const from = i.routedTo ?? i.unitCode;
    const parent = (await findUnit(from))?.ancestors.at(-1);
    const team = parent ? await teamFor(parent) : null;
    await InitiativeModel.updateOne(
      { _id: i._id },
      { $set: { escalatedAt: now, ...(team ? { routedTo: team.unitCode } : {}) } },
    );
    if (!team) {
      deps.log.warn({ code: i.code, unit: from }, 'nobody took it in time and there is no team above to escalate to');
      continue;
    }
    const moved = { ...i, routedTo: team.unitCode, escalatedAt: now };
    await updateCards(deps, moved, [
      msg('card-escalated-away', { unit: await unitName(team.unitCode), hours: ESCALATE_AFTER_HOURS }),
    ]);
    await sendCards(
      deps,
      moved,
      team,
      [msg('card-escalated', { unit: await unitName(from), hours: ESCALATE_AFTER_HOURS })],
      'escalated',
    );
    escalated++;
  }
  return escalated;
}
