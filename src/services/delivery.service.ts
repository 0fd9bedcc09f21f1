import { DeliveryModel, type Channel, type Locale } from '../models/index.js';
import { UnreachableError, type ChannelSender } from '../channels/sender.js';
import type { Reply } from '../channels/types.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../clock.js';
import { isDuplicateKey } from './errors.js';

export type Senders = Partial<Record<Channel, ChannelSender>>;

export interface Outgoing {
  /** Names the logical notification: the same key is never delivered twice. */
  key: string;
  channel: Channel;
  chatId: string;
  locale: Locale;
  reply: Reply;
  kind: 'card' | 'relay' | 'notice' | 'prompt';
  initiativeCode?: string;
  editMessageId?: string;
  view?: 'full' | 'existence';
}

export type Outcome =
  | { key: string; status: 'sent'; messageIds: string[] }
  | { key: string; status: 'duplicate' | 'failed' }
  | { key: string; status: 'unreachable'; item: Outgoing };

export interface DeliveryDeps {
  senders: Senders;
  clock: Clock;
  log: Logger;
}

/**
 * The one path for messages to people other than the one who just wrote. Each is recorded first under
 * its unique key (a second dispatch of the same key does nothing), then sent; a transient failure stays
 * pending for retryPending(). Issue #5 moves the sending onto a rate-limited BullMQ queue.
 */
export async function dispatch(deps: DeliveryDeps, items: Outgoing[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const item of items) {
    try {
      await DeliveryModel.create({ ...item, reply: JSON.stringify(item.reply), initiativeCode: item.initiativeCode ?? null, editMessageId: item.editMessageId ?? null });
    } catch (err) {
      if (isDuplicateKey(err)) {
        outcomes.push({ key: item.key, status: 'duplicate' });
        continue;
      }
      throw err;
    }
    outcomes.push(await attempt(deps, item));
  }
  return outcomes;
}

async function attempt(deps: DeliveryDeps, item: Outgoing): Promise<Outcome> {
  const sender = deps.senders[item.channel];
  try {
    if (!sender) throw new Error(`no ${item.channel} sender is running`);
    const messageIds = item.editMessageId
      ? (await sender.edit(item.chatId, item.editMessageId, item.locale, item.reply), [item.editMessageId])
      : await sender.send(item.chatId, item.locale, item.reply);
    await DeliveryModel.updateOne({ key: item.key }, { $set: { status: 'sent', sentMessageIds: messageIds, sentAt: deps.clock.now(), lastAttemptAt: deps.clock.now() }, $inc: { attempts: 1 } });
    return { key: item.key, status: 'sent', messageIds };
  } catch (err) {
    const unreachable = err instanceof UnreachableError;
    deps.log.warn({ err, key: item.key, chatId: item.chatId }, unreachable ? 'delivery refused: unreachable' : 'delivery failed; will retry');
    await DeliveryModel.updateOne(
      { key: item.key },
      {
        $set: { status: unreachable ? 'failed' : 'pending', lastError: err instanceof Error ? err.message : String(err), lastAttemptAt: deps.clock.now() },
        $inc: { attempts: 1 },
      },
    );
    return unreachable ? { key: item.key, status: 'unreachable', item } : { key: item.key, status: 'failed' };
  }
}

const MAX_ATTEMPTS = 10;

/**
 * Sends again what a transient failure (network, 5xx, a long 429) left pending for at least `olderThanMs`;
 * run by one scheduled job at a time. Gives up after 10 attempts, keeping the record as failed.
 */
export async function retryPending(deps: DeliveryDeps, olderThanMs: number, limit = 200): Promise<Outcome[]> {
  const before = new Date(deps.clock.now().getTime() - olderThanMs);
  const pending = await DeliveryModel.find({ status: 'pending', lastAttemptAt: { $lt: before } }).sort({ createdAt: 1 }).limit(limit).lean();
  const outcomes: Outcome[] = [];
  for (const d of pending) {
    if (d.attempts >= MAX_ATTEMPTS) {
      await DeliveryModel.updateOne({ key: d.key }, { $set: { status: 'failed' } });
      continue;
    }
    const item: Outgoing = {
      key: d.key,
      channel: d.channel,
      chatId: d.chatId,
      locale: d.locale,
      reply: JSON.parse(d.reply) as Reply,
      kind: d.kind,
      ...(d.initiativeCode ? { initiativeCode: d.initiativeCode } : {}),
      ...(d.editMessageId ? { editMessageId: d.editMessageId } : {}),
      ...(d.view ? { view: d.view } : {}),
    };
    outcomes.push(await attempt(deps, item));
  }
  return outcomes;
}

/** The notification a message in a chat belongs to, to route a reply to it. */
export async function deliveryOfMessage(chatId: string, messageId: string) {
  return DeliveryModel.findOne({ chatId, sentMessageIds: messageId }).lean();
}

/** Card messages of an initiative, where its thread lives. */
export async function cardsOf(initiativeCode: string) {
  return DeliveryModel.find({ initiativeCode, kind: 'card', status: 'sent', editMessageId: null }).lean();
}
