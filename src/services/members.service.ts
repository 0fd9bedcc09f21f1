import { Types } from 'mongoose';
import { ChannelAccountModel, MemberModel, type Role } from '../models/index.js';
import { type Channel, type Locale } from '../core/channel.js';
import type { Clock } from '../core/time.js';
import type { PingSetting, QuietHours } from '../core/schedule.js';
import { insertOnce } from './insert-once.js';

export type MemberRecord = Awaited<ReturnType<typeof loadMember>>;

export interface AccountRef {
  channel: Channel;
  externalId: string;
}

async function loadMember(id: Types.ObjectId) {
  const member = await MemberModel.findById(id).lean();
  if (!member) throw new Error(`member ${String(id)} has an account but no member document`);
  return member;
}

/**
 * The member behind a messenger account, created on first contact. The account is inserted first
 * with a fresh member id, so two processes racing on one new user end with one account and no orphan.
 */
export async function identify(
  account: AccountRef,
  seen: { name: string; chatId: string | null; locale?: Locale },
  clock: Clock,
): Promise<MemberRecord> {
  const existing = await ChannelAccountModel.findOneAndUpdate(
    { channel: account.channel, externalId: account.externalId },
    { $set: { lastSeenAt: clock.now(), unreachableAt: null, ...(seen.chatId ? { chatId: seen.chatId } : {}) } },
    { returnDocument: 'after' },
  ).lean();
  if (existing) {
    const member = await loadMember(existing.memberId);
    if (member.name || !seen.name) return member;
    // Created by an admin's grant before the person ever wrote: learn their name now.
    await MemberModel.updateOne({ _id: member._id }, { $set: { name: seen.name } });
    return { ...member, name: seen.name };
  }

  const memberId = new Types.ObjectId();
  // Another process created this account's member first: that one is theirs and ours.
  if (!(await insertOnce(ChannelAccountModel, { ...account, memberId, chatId: seen.chatId, lastSeenAt: clock.now() }))) return identify(account, seen, clock);
  await MemberModel.create({ _id: memberId, name: seen.name, locale: seen.locale ?? 'vi' });
  return loadMember(memberId);
}

export async function findMemberByAccount(account: AccountRef): Promise<MemberRecord | null> {
  const found = await ChannelAccountModel.findOne({ channel: account.channel, externalId: account.externalId }).lean();
  return found ? loadMember(found.memberId) : null;
}

/** Finds or creates the member of an account that has not written to the bot yet (admin grants). */
export async function ensureMemberForAccount(account: AccountRef, clock: Clock): Promise<MemberRecord> {
  return (await findMemberByAccount(account)) ?? identify(account, { name: '', chatId: null }, clock);
}

export async function setLocale(memberId: Types.ObjectId, locale: Locale): Promise<void> {
  await MemberModel.updateOne({ _id: memberId }, { $set: { locale } });
}

export async function completeRegistration(
  memberId: Types.ObjectId,
  details: { unitCode: string; phone: string | null; name: string },
  clock: Clock,
): Promise<void> {
  await MemberModel.updateOne(
    { _id: memberId },
    { $set: { unitCode: details.unitCode, phone: details.phone, name: details.name, registeredAt: clock.now() } },
  );
}

export async function grantRole(memberId: Types.ObjectId, unitCode: string, role: Role): Promise<boolean> {
  // Without timestamps: the updatedAt $set would count as a modification even when the role was there.
  const res = await MemberModel.updateOne({ _id: memberId }, { $addToSet: { roles: { unitCode, role } } }, { timestamps: false });
  return res.modifiedCount === 1;
}

/** How many members completed registration to one of these units. */
export async function registeredMembersIn(unitCodes: string[]): Promise<number> {
  return MemberModel.countDocuments({ unitCode: { $in: unitCodes }, registeredAt: { $ne: null } });
}

export async function findMember(memberId: Types.ObjectId) {
  return MemberModel.findById(memberId).lean();
}

/** The messengers a member has an account on. */
export async function linkedChannels(memberId: Types.ObjectId): Promise<Channel[]> {
  return (await ChannelAccountModel.find({ memberId }).lean()).map((a) => a.channel);
}

/** A member's own settings: where notifications go (null: the messenger they wrote from last), quiet hours, the weekly ping. */
export async function updateSettings(
  memberId: Types.ObjectId,
  settings: { preferredChannel: Channel | null } | { quiet: QuietHours } | { ping: PingSetting },
): Promise<void> {
  await MemberModel.updateOne({ _id: memberId }, { $set: settings });
}

/** "84901234567", "0901234567" or "+84 90 123 4567" -> "+84901234567". */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.startsWith('0')) return `+84${digits.slice(1)}`;
  return `+${digits}`;
}

/**
 * The member with this phone, or a new one recorded for `unitCode` (a worker a support member enters an
 * idea for, who may never have written to the bot). `existed`: they were known before.
 */
export async function memberByPhoneOrNew(input: { phone: string; name: string; unitCode: string }, clock: Clock) {
  const existing = await MemberModel.findOne({ phone: input.phone }).lean();
  if (existing) return { id: existing._id, unitCode: existing.unitCode ?? input.unitCode, existed: true };
  const id = new Types.ObjectId();
  await MemberModel.create({ _id: id, name: input.name, phone: input.phone, unitCode: input.unitCode, registeredAt: clock.now() });
  return { id, unitCode: input.unitCode, existed: false };
}
