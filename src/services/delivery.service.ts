import { DeliveryModel, type Delivery } from '../models/index.js';
import { type Channel, type Locale } from '../core/channel.js';
import { choicesAreTyped } from '../core/choices.js';
import {
  ChatMovedError,
  RejectedError,
  RetryLaterError,
  UnreachableError,
  WindowClosedError,
  type ChannelSender,
} from '../core/sender.js';
import type { Reply } from '../core/reply.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../core/time.js';
import type { QuietHours } from '../core/schedule.js';
import { insertOnce } from '../core/insert-once.js';
import { moveGroupChat, privateChatOf } from './support.service.js';
import { numberOffer, rememberOffer } from './offer-choices.service.js';
import type { Redis } from 'ioredis';
import { Types } from 'mongoose';

export type Senders = Partial<Record<Channel, ChannelSender>>;

/** The delivery queue, as the senders of notifications see it. */
export interface Outbox {
  /** Queues the recorded delivery with this key for its chat (again: a key already waiting is not queued twice). */
  add(key: string, chat: { channel: Channel; chatId: string }): Promise<void>;
}

export interface Outgoing {
  /** Names the logical notification: the same key is never delivered twice. */
  key: string;
  channel: Channel;
  chatId: string;
  locale: Locale;
  reply: Reply;
  kind: 'card' | 'relay' | 'notice';
  initiativeCode?: string;
  /** The key of the card this edits (a card whose status changed), instead of sending a new message. */
  editOf?: string;
  view?: 'full' | 'existence';
  /**
   * The member it is for and the unit they were reached for: whom to tell if they cannot be reached;
   * and their quiet hours, so the delivery worker need not read the member to honour them.
   */
  recipient?: { memberId: string; unitCode: string; quiet?: QuietHours };
}

export type Outcome =
  | { key: string; status: 'sent'; messageIds: string[] }
  | { key: string; status: 'duplicate' | 'failed' | 'interrupted' }
  | { key: string; status: 'retry'; item: Outgoing; afterMs: number | null }
  | { key: string; status: 'unreachable' | 'held'; item: Outgoing };

export interface DeliveryDeps {
  senders: Senders;
  clock: Clock;
  log: Logger;
  outbox: Outbox;
  redis: Redis;
}

/** Records the notification under its key; false when that key was recorded before. */
async function record(item: Outgoing, clock: Clock): Promise<boolean> {
  return insertOnce(DeliveryModel, {
    ...item,
    _id: item.key,
    queuedAt: clock.now(),
    reply: JSON.stringify(item.reply),
    initiativeCode: item.initiativeCode ?? null,
    editOf: item.editOf ?? null,
    recipientId: item.recipient?.memberId ?? null,
    recipientUnit: item.recipient?.unitCode ?? null,
    recipientQuiet: item.recipient?.quiet ?? null,
  });
}

/**
 * Queues messages for people other than the one who just wrote (cards, relays, notices, and the jobs'
 * pings, nudges and reminders) for the delivery worker, each recorded under its unique key first: the
 * person who acted is answered at once, and nobody waits for someone else's messages. Returns how many
 * were new.
 */
export async function enqueue(deps: DeliveryDeps, items: Outgoing[]): Promise<number> {
  let queued = 0;
  for (const item of items) {
    if (!(await record(item, deps.clock))) continue;
    await deps.outbox.add(item.key, item);
    queued += 1;
  }
  return queued;
}

/** A transient failure is tried again after this long (the queue backs off further on repeats). */
export const RETRY_AFTER_MS = 60_000;
const MAX_ATTEMPTS = 10;

/**
 * The one sending step. The delivery is marked `sending` before the messenger is called and `sent`
 * after, so a process that dies in between leaves it `sending`: it is then never sent again, because
 * the messenger may already have shown it (at most once is the promise; the log says which one).
 */
export async function deliver(deps: DeliveryDeps, key: string): Promise<Outcome> {
  return deliverRecord(deps, key, await DeliveryModel.findById(key).lean());
}

/** deliver() for a record the caller has just read. */
export async function deliverRecord(deps: DeliveryDeps, key: string, d: Delivery | null): Promise<Outcome> {
  // Sent, failed, or held for the person's next message: nothing to do now.
  if (!d || (d.status !== 'pending' && d.status !== 'sending')) return { key, status: 'duplicate' };
  if (d.status === 'sending') {
    deps.log.warn({ key, chatId: d.chatId }, 'delivery was interrupted while sending; not sent again');
    await DeliveryModel.updateOne({ _id: key }, { $set: { status: 'failed', lastError: 'interrupted while sending' } });
    return { key, status: 'interrupted' };
  }
  const item = toOutgoing(d);
  const now = deps.clock.now();
  await DeliveryModel.updateOne(
    { _id: key },
    { $set: { status: 'sending', lastAttemptAt: now }, $inc: { attempts: 1 } },
  );
  const sender = deps.senders[item.channel];
  try {
    if (!sender) throw new Error(`no ${item.channel} sender is running`);
    // Where choices are typed as numbers (Zalo), this message's choices take numbers of their own in the chat.
    const numbered = choicesAreTyped(item.channel) && !item.editOf;
    const reply = numbered
      ? await numberOffer(deps.redis, { ...item, ownerId: d.recipientId ?? null }, now)
      : item.reply;
    const sent = item.editOf
      ? await sender.edit(item.chatId, await partsOf(item.editOf), item.locale, reply)
      : await sender.send(item.chatId, item.locale, reply);
    const parts = sent.ids.slice(0, sent.parts);
    await DeliveryModel.updateOne(
      { _id: key },
      {
        $set: {
          status: 'sent',
          sentMessageIds: sent.ids,
          sentAt: deps.clock.now(),
          ...(item.kind === 'card' && !item.editOf ? { partIds: parts } : {}),
        },
      },
    );
    // Sent: a note of its numbers lost here only leaves them unknown when typed; it never sends it twice.
    if (numbered)
      await rememberOffer(deps.redis, { ...item, reply }, deps.clock.now()).catch((err: unknown) =>
        deps.log.warn({ err, key }, 'could not note the numbers of a delivered message’s choices'),
      );
    // The card now stands as edited: the next edit starts from these parts, and a reply to any of them is a reply to it.
    if (item.editOf)
      await DeliveryModel.updateOne(
        { _id: item.editOf },
        { $set: { partIds: parts }, $addToSet: { sentMessageIds: { $each: sent.ids } } },
      );
    return { key, status: 'sent', messageIds: sent.ids };
  } catch (err) {
    if (err instanceof WindowClosedError) return windowClosed(deps, item, d.recipientId ?? null, err);
    if (err instanceof ChatMovedError && d.attempts < MAX_ATTEMPTS) return chatMoved(deps, item, err);
    const unreachable = err instanceof UnreachableError;
    const giveUp = unreachable || err instanceof RejectedError || d.attempts + 1 >= MAX_ATTEMPTS;
    deps.log.warn(
      { err, key, chatId: item.chatId, attempts: d.attempts + 1 },
      unreachable
        ? 'delivery refused: unreachable'
        : giveUp
          ? 'delivery failed; giving up'
          : 'delivery failed; will retry',
    );
    await DeliveryModel.updateOne(
      { _id: key },
      { $set: { status: giveUp ? 'failed' : 'pending', lastError: err instanceof Error ? err.message : String(err) } },
    );
    if (unreachable) return { key, status: 'unreachable', item };
    if (giveUp) return { key, status: 'failed' };
    return { key, status: 'retry', item, afterMs: err instanceof RetryLaterError ? err.retryAfterMs : null };
  }
}

/** The text parts of a card as it stands now, to edit them (a card sent before parts were kept: its first message). */
async function partsOf(cardKey: string): Promise<string[]> {
  const card = await DeliveryModel.findById(cardKey, { partIds: 1, sentMessageIds: 1 }).lean();
  if (!card?.sentMessageIds.length) throw new RejectedError(`the card ${cardKey} to edit was never sent`);
  return card.partIds.length > 0 ? card.partIds : card.sentMessageIds.slice(0, 1);
}

/** What the messenger says when the old id of a group upgraded to a supergroup is used. */
const MOVED_ERROR = /upgraded to a supergroup/;

/**
 * The group became a supergroup (new id): the link and what waits for the group follow it, and this
 * message goes there now. A card edit becomes a new card there: the old messages stay in the old chat.
 */
async function chatMoved(deps: DeliveryDeps, item: Outgoing, err: ChatMovedError): Promise<Outcome> {
  deps.log.info(
    { key: item.key, from: item.chatId, to: err.toChatId },
    'delivery: the group was upgraded to a supergroup; following it',
  );
  await followMovedChat(deps, item.channel, item.chatId, err.toChatId);
  if (item.editOf) {
    // The old card cannot be edited any more: the new one replaces it, so it is not edited again.
    await DeliveryModel.updateOne(
      { _id: item.editOf, status: 'sent' },
      { $set: { status: 'failed', lastError: `moved to ${err.toChatId}` } },
    );
  }
  await DeliveryModel.updateOne(
    { _id: item.key },
    { $set: { status: 'pending', chatId: err.toChatId, editOf: null, lastError: err.message } },
  );
  return deliver(deps, item.key);
}

/**
 * A group chat moved to a new id (Telegram's upgrade to a supergroup, seen from a failed send or from
 * the service message): its support link follows, messages waiting for it go to the new chat, and those
 * that failed on the old id are sent again. Returns how many were sent again.
 */
export async function followMovedChat(
  deps: DeliveryDeps,
  channel: Channel,
  fromChatId: string,
  toChatId: string,
): Promise<number> {
  if (await moveGroupChat(channel, fromChatId, toChatId))
    deps.log.info({ from: fromChatId, to: toChatId }, 'support group link follows the group to its new id');
  await DeliveryModel.updateMany(
    { channel, chatId: fromChatId, status: 'pending', editOf: null },
    { $set: { chatId: toChatId } },
  );
  const failed = await DeliveryModel.find({
    channel,
    chatId: fromChatId,
    status: 'failed',
    lastError: MOVED_ERROR,
  }).lean();
  for (const d of failed) {
    await DeliveryModel.updateOne(
      { _id: d.key, status: 'failed' },
      { $set: { status: 'pending', chatId: toChatId, editOf: null } },
    );
    await deps.outbox.add(d.key, { channel: d.channel, chatId: toChatId });
  }
  return failed.length;
}

const heldKey = (channel: Channel, chatId: string) => `held:${channel}:${chatId}`;

/**
 * Zalo takes the message only after the person writes again. It goes through their other messenger if
 * they have one; otherwise it is held and sent when they next write (releaseHeld). A changed card is
 * not worth holding: the next change sends it anew.
 */
async function windowClosed(
  deps: DeliveryDeps,
  item: Outgoing,
  recipientId: string | null,
  err: WindowClosedError,
): Promise<Outcome> {
  const elsewhere =
    recipientId && !item.editOf ? await privateChatOf(new Types.ObjectId(recipientId), { except: item.channel }) : null;
  if (elsewhere) {
    deps.log.info(
      { key: item.key, to: elsewhere.channel },
      'delivery: the Zalo window is closed; sending through the other messenger',
    );
    await DeliveryModel.updateOne(
      { _id: item.key },
      { $set: { status: 'pending', channel: elsewhere.channel, chatId: elsewhere.chatId, lastError: err.message } },
    );
    return deliver(deps, item.key);
  }
  const status = item.editOf ? 'failed' : 'held';
  await DeliveryModel.updateOne({ _id: item.key }, { $set: { status, lastError: err.message } });
  if (status === 'failed') return { key: item.key, status: 'failed' };
  await deps.redis.set(heldKey(item.channel, item.chatId), '1');
  deps.log.info({ key: item.key }, 'delivery held until the person writes again');
  return { key: item.key, status: 'held', item };
}

/** The person wrote: what was held for this chat goes out now, oldest first. A Redis flag keeps this check cheap. */
export async function releaseHeld(deps: DeliveryDeps, channel: Channel, chatId: string): Promise<number> {
  if (!(await deps.redis.del(heldKey(channel, chatId)))) return 0;
  const held = await DeliveryModel.find({ channel, chatId, status: 'held' }).sort({ queuedAt: 1 }).lean();
  for (const d of held) {
    await DeliveryModel.updateOne({ _id: d.key }, { $set: { status: 'pending' } });
    await deps.outbox.add(d.key, d);
  }
  return held.length;
}

function toOutgoing(d: Delivery): Outgoing {
  return {
    key: d.key,
    channel: d.channel,
    chatId: d.chatId,
    locale: d.locale,
    reply: JSON.parse(d.reply) as Reply,
    kind: d.kind,
    ...(d.initiativeCode ? { initiativeCode: d.initiativeCode } : {}),
    ...(d.editOf ? { editOf: d.editOf } : {}),
    ...(d.view ? { view: d.view } : {}),
    ...(d.recipientId && d.recipientUnit
      ? {
          recipient: {
            memberId: d.recipientId,
            unitCode: d.recipientUnit,
            ...(d.recipientQuiet ? { quiet: d.recipientQuiet } : {}),
          },
        }
      : {}),
  };
}

/** It waits, pending, until `notBefore`; then requeueStranded puts it back on the queue. */
export async function defer(key: string, notBefore: Date): Promise<void> {
  await DeliveryModel.updateOne({ _id: key }, { $set: { notBefore } });
}

/**
 * Puts back on the queue what is pending in MongoDB but may have no job in Redis (a process that died
 * between recording and queueing, a Redis that was flushed) and what waited for quiet hours to end.
 * Also what a dead process left `sending` and whose job was given up: queued again, it is closed as
 * interrupted (never resent). Queueing a key twice is harmless: a key whose job still exists is not queued again.
 */
export async function requeueStranded(deps: DeliveryDeps, olderThanMs: number, limit = 500): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - olderThanMs);
  const stranded = await DeliveryModel.find({
    $or: [
      {
        status: 'pending',
        $and: [
          { $or: [{ lastAttemptAt: { $lt: before } }, { lastAttemptAt: null, queuedAt: { $lt: before } }] },
          { $or: [{ notBefore: null }, { notBefore: { $lte: deps.clock.now() } }] },
        ],
      },
      { status: 'sending', lastAttemptAt: { $lt: before } },
    ],
  })
    .sort({ queuedAt: 1 })
    .limit(limit)
    .lean();
  for (const d of stranded) await deps.outbox.add(d.key, d);
  return stranded.length;
}

/** The notification a message in a chat belongs to, to route a reply to it. */
export async function deliveryOfMessage(chatId: string, messageId: string) {
  return DeliveryModel.findOne({ chatId, sentMessageIds: messageId }).lean();
}

/** Card messages of an initiative, where its thread lives. */
export async function cardsOf(initiativeCode: string) {
  return DeliveryModel.find({ initiativeCode, kind: 'card', status: 'sent', editOf: null }).lean();
}

/** A delivery pending (or left `sending`) for a minute with no job behind it (a crash, a flushed Redis) is queued again. */
export const STRANDED_AFTER_MS = 60_000;

export async function retryDeliveries(deps: DeliveryDeps): Promise<number> {
  return requeueStranded(deps, STRANDED_AFTER_MS);
}
