import { Types } from 'mongoose';
import { ChannelAccountModel, derivedId, MemberModel, type Role } from '../models/index.js';
import { type Channel, type Locale } from '../core/channel.js';
import type { Clock } from '../core/time.js';
import type { PingSetting, QuietHours } from '../core/schedule.js';
import { insertOnce } from '../core/insert-once.js';
import { KnownIds } from '../core/known-ids.js';
import { supportDirectoryChanged } from './support-directory.js';

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

const accountKey = (a: AccountRef): string => `${a.channel}:${a.externalId}`;

/**
 * An account's _id follows from its messenger and id, so finding who wrote is a lookup by _id (the
 * one lookup FerretDB serves from its backend; MongoDB serves either from an index). Accounts stored
 * before ids were derived keep their random _id: they are found by (channel, externalId) once per
 * process and remembered. The unique (channel, externalId) index stays the guard against twins.
 */
export const accountIdOf = (a: AccountRef): Types.ObjectId => derivedId(accountKey(a));
const olderAccountIds = new KnownIds<Types.ObjectId>(20_000);

const findAccount = (a: AccountRef) =>
  olderAccountIds.find(
    accountKey(a),
    accountIdOf(a),
    (id) => ChannelAccountModel.findById(id).lean(),
    () => ChannelAccountModel.findOne({ channel: a.channel, externalId: a.externalId }).lean(),
  );

/**
 * lastSeenAt is kept to this precision (a write per incoming message would queue every message behind
 * the database's writes), except for people on both messengers, whose replies follow the one used last.
 */
const SEEN_PRECISION_MS = 5 * 60_000;

type AccountDoc = {
  _id: Types.ObjectId;
  lastSeenAt?: Date | null;
  unreachableAt?: Date | null;
  chatId?: string | null;
};

/** Records that the person wrote (and so can be reached again), unless the record already says so. */
async function noteSeen(account: AccountDoc, chatId: string | null, now: Date, exact: boolean): Promise<void> {
  const fresh = !exact && account.lastSeenAt && now.getTime() - account.lastSeenAt.getTime() < SEEN_PRECISION_MS;
  if (fresh && !account.unreachableAt && (!chatId || chatId === account.chatId)) return;
  await ChannelAccountModel.updateOne(
    { _id: account._id },
    { $set: { lastSeenAt: now, unreachableAt: null, ...(chatId ? { chatId } : {}) } },
  );
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
  const existing = await findAccount(account);
  if (existing) {
    const member = await loadMember(existing.memberId);
    await noteSeen(existing, seen.chatId, clock.now(), member.multiMessenger);
    if (member.name || !seen.name) return member;
    // Created by an admin's grant before the person ever wrote: learn their name now.
    await MemberModel.updateOne({ _id: member._id }, { $set: { name: seen.name } });
    return { ...member, name: seen.name };
  }

  const memberId = new Types.ObjectId();
  // Another process created this account's member first: that one is theirs and ours.
  if (
    !(await insertOnce(ChannelAccountModel, {
      _id: accountIdOf(account),
      ...account,
      memberId,
      chatId: seen.chatId,
      lastSeenAt: clock.now(),
    }))
  )
    return identify(account, seen, clock);
  await MemberModel.create({ _id: memberId, name: seen.name, locale: seen.locale ?? 'vi' });
  return loadMember(memberId);
}

export async function findMemberByAccount(account: AccountRef): Promise<MemberRecord | null> {
  const found = await findAccount(account);
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
  const res = await MemberModel.updateOne(
    { _id: memberId },
    { $addToSet: { roles: { unitCode, role } } },
    { timestamps: false },
  );
  if (res.modifiedCount === 1) await supportDirectoryChanged();
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
  await MemberModel.create({
    _id: id,
    name: input.name,
    phone: input.phone,
    unitCode: input.unitCode,
    registeredAt: clock.now(),
  });
  return { id, unitCode: input.unitCode, existed: false };
}
