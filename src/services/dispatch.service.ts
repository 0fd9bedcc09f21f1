import { msg } from '../core/i18n.js';
import type { Pacer } from '../delivery/pacer.js';
import { DeliveryModel, MemberModel, type Delivery } from '../models/index.js';
import { DEFAULT_QUIET, inQuietHours, quietEndsAt } from '../core/schedule.js';
import { defer, deliverRecord, enqueue, type DeliveryDeps, type Outcome, type Outgoing } from './delivery.service.js';
import { markUnreachable } from './support.service.js';
import { findUnit } from './units.service.js';
import { findInitiative } from './workflow.service.js';
import { vietnamDay } from '../core/time.js';
import { settle } from './notifications.service.js';
import { holders, toEach } from './recipients.service.js';

/** What sending a queued delivery needs: the delivery path and the messengers' pacing. */
export type DispatchDeps = DeliveryDeps & { pacer: Pacer };

/** A chat whose next slot is further away than this: its delivery waits in the queue, not in a worker. */
const DEFER_BEYOND_MS = 1000;

/** The recorded delivery behind a queued key (null: none). */
export async function readDelivery(key: string): Promise<Delivery | null> {
  return DeliveryModel.findById(key).lean();
}

/**
 * Sends one queued delivery, unless it is a reminder for someone in their quiet hours (that waits for
 * the morning) or its chat has no slot soon (a group's queue of cards: it is tried again `later`).
 * Someone who turned out to be unreachable is reported, once.
 */
export async function deliverQueued(
  deps: DispatchDeps,
  key: string,
  d: Delivery | null,
): Promise<Outcome | { key: string; status: 'deferred' } | { key: string; status: 'later'; afterMs: number }> {
  const quietUntil = d ? await quietHoursEnd(deps, d) : null;
  if (quietUntil) {
    await defer(key, quietUntil);
    return { key, status: 'deferred' };
  }
  if (d?.status !== 'pending') return deliverRecord(deps, key, d);
  const chatFreeInMs = await deps.pacer.chatFreeInMs(d.channel, d.chatId);
  if (chatFreeInMs > DEFER_BEYOND_MS) return { key, status: 'later', afterMs: chatFreeInMs };
  const outcome = await deps.pacer.withSlot(d.channel, d.chatId, () => deliverRecord(deps, key, d));
  if (outcome.status === 'unreachable') await reportUnreachable(deps, outcome.item);
  if (outcome.status === 'held') await reportHeld(deps, outcome.item);
  return outcome;
}

async function quietHoursEnd(deps: DispatchDeps, d: Delivery): Promise<Date | null> {
  if (!d.recipientId || d.kind !== 'notice' || d.status !== 'pending') return null;
  if (d.notBefore && d.notBefore <= deps.clock.now()) return null;
  const quiet = d.recipientQuiet ?? (await MemberModel.findById(d.recipientId).lean())?.quiet ?? DEFAULT_QUIET;
  const now = deps.clock.now();
  return inQuietHours(now, quiet) ? quietEndsAt(now, quiet) : null;
}

/** A relay Zalo holds until its author writes again: the team working the initiative is told. */
async function reportHeld(deps: DispatchDeps, item: Outgoing): Promise<void> {
  const i = item.initiativeCode ? await findInitiative(item.initiativeCode) : null;
  if (i) await settle(deps, i, [{ key: item.key, status: 'held', item }]);
}

/**
 * About an initiative: the support path decides (settle). A notice to a member who blocked the bot:
 * they are marked unreachable, so no more is sent there until they write again, and the other officers
 * and support members of the unit (or the parent unit's officers, if there are none) are told, once a day at most.
 */
async function reportUnreachable(deps: DispatchDeps, item: Outgoing): Promise<void> {
  if (item.initiativeCode) {
    const i = await findInitiative(item.initiativeCode);
    if (i) await settle(deps, i, [{ key: item.key, status: 'unreachable', item }]);
    return;
  }
  const now = deps.clock.now();
  await markUnreachable(item.channel, item.chatId, now);
  if (!item.recipient) return;
  const { memberId, unitCode } = item.recipient;
  const [member, unit] = await Promise.all([MemberModel.findById(memberId).lean(), findUnit(unitCode)]);
  const parent = unit?.ancestors.at(-1);
  let told = (await holders(unitCode, ['officer', 'support'])).filter((p) => p.id !== memberId);
  if (told.length === 0 && parent) told = await holders(parent, ['officer']);
  const reply = { parts: [msg('member-unreachable', { name: member?.name || '—', unit: unit?.name ?? unitCode })] };
  await enqueue(deps, toEach(told, `unreachable:${memberId}:${vietnamDay(now).toISOString().slice(0, 10)}`, reply));
}
