import { msg } from '../src/i18n.js';
import type { Deps } from '../src/deps.js';
import { DeliveryModel, MemberModel, type Delivery } from '../src/models/index.js';
import { DEFAULT_QUIET, inQuietHours, quietEndsAt } from '../src/schedule.js';
import { defer, deliverRecord, enqueue, type Outcome, type Outgoing } from '../src/services/delivery.service.js';
import { markUnreachable } from '../src/services/support.service.js';
import { findUnit } from '../src/services/units.service.js';
import { findInitiative } from '../src/services/workflow.service.js';
import { vietnamDay } from '../src/vietnam-time.js';
import { settle } from '../handlers/support/notify.js';
import { holders, toEach } from './recipients.js';

/**
 * Sends one queued delivery, unless it is a reminder for someone in their quiet hours: that waits for
 * the morning. Someone who turned out to be unreachable is reported, once.
 */
export async function deliverQueued(deps: Deps, key: string): Promise<Outcome | { key: string; status: 'deferred' }> {
  const d = await DeliveryModel.findById(key).lean();
  const quietUntil = d ? await quietHoursEnd(deps, d) : null;
  if (quietUntil) {
    await defer(key, quietUntil);
    return { key, status: 'deferred' };
  }
  const outcome = await deliverRecord(deps, key, d);
  if (outcome.status === 'unreachable') await reportUnreachable(deps, outcome.item);
  return outcome;
}

async function quietHoursEnd(deps: Deps, d: Delivery): Promise<Date | null> {
  if (!d.recipientId || d.kind !== 'notice' || d.status !== 'pending') return null;
  if (d.notBefore && d.notBefore <= deps.clock.now()) return null;
  const quiet = d.recipientQuiet ?? (await MemberModel.findById(d.recipientId).lean())?.quiet ?? DEFAULT_QUIET;
  const now = deps.clock.now();
  return inQuietHours(now, quiet) ? quietEndsAt(now, quiet) : null;
}

/**
 * About an initiative: the support path decides (settle). A notice to a member who blocked the bot:
 * they are marked unreachable, so no more is sent there until they write again, and the other officers
 * and support members of the unit (or the parent unit's officers, if there are none) are told, once a day at most.
 */
async function reportUnreachable(deps: Deps, item: Outgoing): Promise<void> {
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
