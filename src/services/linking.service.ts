import { randomInt } from 'node:crypto';
import type { Types } from 'mongoose';
import {
  ChannelAccountModel,
  FlowStateModel,
  InitiativeModel,
  LinkClaimModel,
  LinkCodeModel,
  MemberModel,
} from '../models/index.js';
import type { Clock } from '../core/time.js';
import { insertOnce } from '../core/insert-once.js';
import type { AccountRef, MemberRecord } from './members.service.js';

export const LINK_CODE_MINUTES = 10;
const MINUTE = 60_000;
/** Expired codes are kept a day so they can be told apart from mistyped ones, then their digits are free again. */
const FORGET_AFTER_MS = 24 * 60 * MINUTE;
const ISSUE_ATTEMPTS = 5;

/** A fresh single-use code for `memberId`; their earlier codes stop working. */
export async function issueLinkCode(memberId: Types.ObjectId, clock: Clock): Promise<string> {
  const now = clock.now().getTime();
  await LinkCodeModel.deleteMany({ $or: [{ memberId }, { expiresAt: { $lt: new Date(now - FORGET_AFTER_MS) } }] });
  for (let attempt = 1; ; attempt++) {
    const code = String(randomInt(1_000_000)).padStart(6, '0');
    if (await insertOnce(LinkCodeModel, { _id: code, memberId, expiresAt: new Date(now + LINK_CODE_MINUTES * MINUTE) }))
      return code;
    // Someone else's code has these digits: draw again.
    if (attempt >= ISSUE_ATTEMPTS) throw new Error(`no free link code after ${ISSUE_ATTEMPTS} draws`);
  }
}

export type LinkRefusal =
  'unknown' | 'used' | 'expired' | 'same-member' | 'already-linked' | 'messenger-taken' | 'has-history';
export type LinkOutcome = { kind: 'linked'; member: MemberRecord } | { kind: LinkRefusal };

/**
 * `/link CODE` typed from `account`, whose member is `typedBy`: the account joins the code's member.
 * Only an empty member is folded away; anything with history is left for an admin to merge.
 */
export async function redeemLinkCode(
  code: string,
  account: AccountRef,
  typedBy: MemberRecord,
  clock: Clock,
): Promise<LinkOutcome> {
  const found = await LinkCodeModel.findById(code).lean();
  if (!found) return { kind: 'unknown' };
  if (await LinkClaimModel.exists({ _id: found.issue })) return { kind: 'used' };
  if (found.expiresAt <= clock.now()) return { kind: 'expired' };
  if (found.memberId.equals(typedBy._id)) {
    // Their own code: on an account already joined to another messenger, they are linked already.
    const linked = await ChannelAccountModel.exists({ memberId: typedBy._id, channel: { $ne: account.channel } });
    return { kind: linked ? 'already-linked' : 'same-member' };
  }
  if (await hasAccountOn(found.memberId, account)) return { kind: 'messenger-taken' };
  if (await hasHistory(typedBy)) return { kind: 'has-history' };
  if (!(await insertOnce(LinkClaimModel, { _id: found.issue, at: clock.now() }))) return { kind: 'used' };
  return { kind: 'linked', member: await moveAccount(account, typedBy._id, found.memberId) };
}

export type PhoneMatch =
  | { kind: 'linked'; member: MemberRecord }
  | { kind: 'recorded'; member: MemberRecord }
  | { kind: 'taken' }
  | { kind: 'free' };

/**
 * A phone verified by the messenger at registration. When another registered member has it, this
 * is the same person: a fresh member with no account of theirs on this messenger joins them. They are
 * `linked` when that member has an account on the other messenger, `recorded` when it has none (a
 * support team recorded them with /onbehalf: this is their first account). Otherwise the phone is
 * `taken` and an admin must look.
 */
export async function matchPhone(account: AccountRef, registering: MemberRecord, phone: string): Promise<PhoneMatch> {
  const owner = await MemberModel.findOne({ phone, registeredAt: { $ne: null }, _id: { $ne: registering._id } }).lean();
  if (!owner) return { kind: 'free' };
  const channels = (await ChannelAccountModel.find({ memberId: owner._id }, { channel: 1 }).lean()).map(
    (a) => a.channel,
  );
  if (channels.includes(account.channel) || (await hasHistory(registering))) return { kind: 'taken' };
  const other = channels.length > 0;
  const member = await moveAccount(account, registering._id, owner._id, other);
  return { kind: other ? 'linked' : 'recorded', member };
}

async function hasAccountOn(memberId: Types.ObjectId, account: AccountRef): Promise<boolean> {
  return (await ChannelAccountModel.exists({ memberId, channel: account.channel })) !== null;
}

async function hasHistory(member: MemberRecord): Promise<boolean> {
  return (
    member.registeredAt !== null ||
    member.roles.length > 0 ||
    (await InitiativeModel.exists({ authorId: member._id })) !== null
  );
}

/**
 * Re-points the account to `to` and removes the empty member `from` with the flow state it started;
 * `to` is on two messengers from now on unless this is its first account.
 */
async function moveAccount(
  account: AccountRef,
  from: Types.ObjectId,
  to: Types.ObjectId,
  multiMessenger = true,
): Promise<MemberRecord> {
  await ChannelAccountModel.updateOne(
    { channel: account.channel, externalId: account.externalId },
    { $set: { memberId: to } },
  );
  await FlowStateModel.deleteMany({ owner: String(from) });
  await MemberModel.deleteOne({ _id: from });
  if (multiMessenger) await MemberModel.updateOne({ _id: to }, { $set: { multiMessenger: true } });
  const member = await MemberModel.findById(to).lean();
  if (!member) throw new Error(`member ${String(to)} vanished while an account was linked to it`);
  return member;
}
