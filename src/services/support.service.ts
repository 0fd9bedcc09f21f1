import type { Types } from 'mongoose';
import {
  CannedReplyModel,
  ChannelAccountModel,
  MemberModel,
  SupportGroupModel,
  type Initiative,
  type Role,
} from '../models/index.js';
import { type Channel } from '../core/channel.js';
import type { MemberRecord } from './members.service.js';
import { findUnit, pathOf } from './units.service.js';
import { insertOnce, isDuplicateKey } from '../core/insert-once.js';
import { supportDirectoryChanged, supportOf } from './support-directory.js';

export interface SupportTeam {
  unitCode: string;
  group: { channel: Channel; chatId: string } | null;
  /** Its support members, who get the cards privately when the team has no group (not read otherwise). */
  members: MemberRecord[];
}

type WithRoles = Pick<MemberRecord, 'roles'>;
type Placed = Pick<Initiative, 'unitCode' | 'unitAncestors' | 'routedTo' | 'confidential'>;

export const hasRole = (member: WithRoles, role: Role, unitCode: string): boolean =>
  member.roles.some((r) => r.role === role && r.unitCode === unitCode);

/** Admins act on every initiative under their unit. */
const isAdminOver = (member: WithRoles, i: Placed): boolean =>
  [...i.unitAncestors, i.unitCode].some((code) => hasRole(member, 'admin', code));

/** Support members of the initiative's unit or of the unit it was routed/escalated to, and admins. */
export const canWork = (member: WithRoles, i: Placed): boolean =>
  hasRole(member, 'support', i.unitCode) ||
  (!!i.routedTo && hasRole(member, 'support', i.routedTo)) ||
  isAdminOver(member, i);

/** A trade secret's content is for its own unit's team and admins only; others learn that it exists. */
export const canSeeContent = (member: WithRoles, i: Placed): boolean =>
  !i.confidential || hasRole(member, 'support', i.unitCode) || isAdminOver(member, i);

/** canSeeContent as a query: the initiatives whose content the member may see (tested to agree with it). */
export function contentVisibleFilter(member: WithRoles) {
  const held = (role: Role) => member.roles.filter((r) => r.role === role).map((r) => r.unitCode);
  const admin = held('admin');
  return {
    $or: [
      { confidential: false },
      { unitCode: { $in: [...held('support'), ...admin] } },
      { unitAncestors: { $in: admin } },
    ],
  };
}

/** Members holding any of these roles on the unit itself. */
export async function membersWithRoles(unitCode: string, roles: Role[]): Promise<MemberRecord[]> {
  const candidates = await MemberModel.find({ 'roles.unitCode': unitCode }).lean();
  return candidates.filter((m) => roles.some((r) => hasRole(m, r, unitCode)));
}

export const supportMembersOf = (unitCode: string): Promise<MemberRecord[]> => membersWithRoles(unitCode, ['support']);

/** The team of a unit itself, or null when it has neither a linked group nor support members. */
export async function ownTeam(unitCode: string): Promise<SupportTeam | null> {
  const { group, hasMembers } = await supportOf(unitCode);
  const members = !group && hasMembers ? await supportMembersOf(unitCode) : [];
  return group || members.length > 0 ? { unitCode, group, members } : null;
}

/** A unit without its own team is served by the nearest ancestor that has one. */
export async function teamFor(unitCode: string): Promise<SupportTeam | null> {
  const unit = await findUnit(unitCode);
  if (!unit) return null;
  for (const code of [unit.code, ...[...unit.ancestors].reverse()]) {
    const team = await ownTeam(code);
    if (team) return team;
  }
  return null;
}

type Chat = { channel: Channel; chatId: string };
type Reachable = { _id: Types.ObjectId; preferredChannel?: Channel | null };

/** The chat to use among a member's accounts that still accept messages: the chosen messenger, else the latest. */
function chooseChat(
  member: Reachable | null,
  accounts: { channel: Channel; chatId?: string | null; lastSeenAt?: Date | null }[],
): Chat | null {
  const usable = accounts
    .filter((a) => a.chatId)
    .sort((a, b) => (b.lastSeenAt?.getTime() ?? 0) - (a.lastSeenAt?.getTime() ?? 0));
  const account = usable.find((a) => a.channel === member?.preferredChannel) ?? usable[0];
  return account ? { channel: account.channel, chatId: account.chatId! } : null;
}

/**
 * Where to write to a member privately: the messenger they chose (/messenger), else the one they wrote
 * from last; never one that refused delivery. `except` skips a messenger (it just refused a message).
 */
export async function privateChatOf(memberId: Types.ObjectId, opts: { except?: Channel } = {}): Promise<Chat | null> {
  const [member, accounts] = await Promise.all([
    MemberModel.findById(memberId, { preferredChannel: 1 }).lean(),
    ChannelAccountModel.find({
      memberId,
      unreachableAt: null,
      ...(opts.except ? { channel: { $ne: opts.except } } : {}),
    }).lean(),
  ]);
  return chooseChat(member, accounts);
}

/** privateChatOf for many members already read: one query for all of them (a fan-out's recipients). */
export async function privateChatsOf(members: Reachable[]): Promise<Map<string, Chat>> {
  if (members.length === 0) return new Map();
  const accounts = await ChannelAccountModel.find({
    memberId: { $in: members.map((m) => m._id) },
    unreachableAt: null,
  }).lean();
  const byMember = new Map<string, typeof accounts>();
  for (const a of accounts) byMember.set(String(a.memberId), [...(byMember.get(String(a.memberId)) ?? []), a]);
  const chats = new Map<string, Chat>();
  for (const m of members) {
    const chat = chooseChat(m, byMember.get(String(m._id)) ?? []);
    if (chat) chats.set(String(m._id), chat);
  }
  return chats;
}

/** Every member holding the officer role on some unit (the weekly ping's recipients). */
export async function allOfficers(): Promise<MemberRecord[]> {
  return MemberModel.find({ 'roles.role': 'officer' }).lean();
}

export type LinkResult = 'linked' | 'already' | 'unit-has-group' | 'group-has-unit';

/** Links a group chat to a unit's support team; one group per unit and one unit per group. */
export async function linkGroup(input: {
  channel: Channel;
  chatId: string;
  title: string;
  unitCode: string;
  by: Types.ObjectId;
}): Promise<LinkResult> {
  const existing = await SupportGroupModel.findOne({ channel: input.channel, chatId: input.chatId }).lean();
  if (existing) {
    if (existing.unitCode !== input.unitCode) return 'group-has-unit';
    if (existing.lostAt) {
      await SupportGroupModel.updateOne({ _id: existing._id }, { $set: { lostAt: null, title: input.title } });
      await supportDirectoryChanged();
    }
    return 'already';
  }
  const group = {
    channel: input.channel,
    chatId: input.chatId,
    unitCode: input.unitCode,
    title: input.title,
    linkedBy: input.by,
  };
  if (await insertOnce(SupportGroupModel, group)) {
    await supportDirectoryChanged();
    return 'linked';
  }
  // The unit has a group: a lost one (the bot was removed) is replaced by this one; a live one stays.
  const replaced = await SupportGroupModel.updateOne(
    { unitCode: input.unitCode, lostAt: { $ne: null } },
    { $set: { channel: input.channel, chatId: input.chatId, title: input.title, linkedBy: input.by, lostAt: null } },
  );
  if (replaced.modifiedCount === 0) return 'unit-has-group';
  await supportDirectoryChanged();
  return 'linked';
}

export async function groupOfChat(channel: Channel, chatId: string) {
  return SupportGroupModel.findOne({ channel, chatId }).lean();
}

/** Removes a unit's group link: its cards go to the members privately until another group is linked. */
export async function unlinkGroup(unitCode: string): Promise<boolean> {
  const removed = await SupportGroupModel.deleteOne({ unitCode });
  if (removed.deletedCount === 0) return false;
  await supportDirectoryChanged();
  return true;
}

/**
 * The group chat got a new id (a Telegram group upgraded to a supergroup): its link follows, and a link
 * marked lost meanwhile is live again. False when no link was on the old id (or the new one has its own).
 */
export async function moveGroupChat(channel: Channel, fromChatId: string, toChatId: string): Promise<boolean> {
  try {
    const moved = await SupportGroupModel.updateOne(
      { channel, chatId: fromChatId },
      { $set: { chatId: toChatId, lostAt: null } },
    );
    if (moved.modifiedCount === 0) return false;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
  await supportDirectoryChanged();
  return true;
}

export async function markGroupLost(channel: Channel, chatId: string, at: Date): Promise<void> {
  await SupportGroupModel.updateOne({ channel, chatId }, { $set: { lostAt: at } });
  await supportDirectoryChanged();
}

/**
 * The messenger refused this chat for good (blocked, unfollowed): nothing more goes there until the person
 * writes again. The first refusal's time is kept, so every refusal until then belongs to the same spell.
 */
export async function markUnreachable(channel: Channel, chatId: string, at: Date): Promise<void> {
  await ChannelAccountModel.updateMany({ channel, chatId, unreachableAt: null }, { $set: { unreachableAt: at } });
}

/**
 * Since when nothing the bot sends reaches this member, for a member with no messenger left: the latest
 * refusal that started a spell (null: none was ever refused, e.g. an idea recorded for someone without the bot).
 */
export async function unreachableSince(memberId: Types.ObjectId): Promise<Date | null> {
  const accounts = await ChannelAccountModel.find({ memberId }, { unreachableAt: 1 }).lean();
  const times = accounts.flatMap((a) => (a.unreachableAt ? [a.unreachableAt.getTime()] : []));
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

/** Admins over a unit: admin role on it or any ancestor. */
export async function adminsOver(unitCode: string): Promise<MemberRecord[]> {
  const unit = await findUnit(unitCode);
  const path = unit ? pathOf(unit) : [unitCode];
  const candidates = await MemberModel.find({ 'roles.role': 'admin' }).lean();
  return candidates.filter((m) => path.some((code) => hasRole(m, 'admin', code)));
}

/** The canned replies of these units' teams, by name. */
export async function cannedRepliesOf(unitCodes: string[]) {
  return CannedReplyModel.find({ unitCode: { $in: unitCodes } })
    .sort({ name: 1 })
    .lean();
}

export async function findCannedReply(unitCodes: string[], name: string) {
  return CannedReplyModel.findOne({ unitCode: { $in: unitCodes }, name }).lean();
}

/** Saves (or replaces) a team's canned reply, in both languages. */
export async function saveCannedReply(unitCode: string, name: string, text: { vi: string; en: string }): Promise<void> {
  await CannedReplyModel.updateOne({ unitCode, name }, { $set: text }, { upsert: true });
}
