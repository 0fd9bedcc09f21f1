import type { Redis } from 'ioredis';
import type { InboundEvent } from '../core/event.js';
import type { EventHandler, HandleResult } from '../core/reply.js';

/**
 * Each inbound update is handled once, and none is lost on the way in. An update is claimed with a short
 * lease while it is handled and marked done once its effect is stored; a redelivery (webhook retry,
 * refetch after a restart) of a done update is a duplicate. A lease left by a process that died
 * mid-update expires, and the redelivered update is then handled: nothing that was not stored is
 * skipped. (Only a death between storing the effect and marking it done, a few microseconds, would
 * handle it twice.)
 */

/** Longer than any update takes to handle; a crashed holder's update waits this long at most. */
const LEASE_MS = 30_000;
const DONE_SECONDS = 24 * 60 * 60;
const POLL_MS = 200;
const DONE = 'done';

const keyOf = (channel: string, eventId: string) => `seen:${channel}:${eventId}`;

/** 'mine': handle it, then markDone. 'duplicate': it was handled already. Waits while another process holds it. */
export async function claimUpdate(redis: Redis, channel: string, eventId: string): Promise<'mine' | 'duplicate'> {
  const key = keyOf(channel, eventId);
  for (;;) {
    if ((await redis.set(key, 'leased', 'PX', LEASE_MS, 'NX')) !== null) return 'mine';
    if ((await redis.get(key)) === DONE) return 'duplicate';
    // Another process is handling it right now (two webhook deliveries at once) or died doing so.
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export async function markDone(redis: Redis, channel: string, eventId: string): Promise<void> {
  await redis.set(keyOf(channel, eventId), DONE, 'EX', DONE_SECONDS);
}

/**
 * The handlers, each update once: the adapters are given this. A duplicate of an update handled already
 * gets null (nothing is answered twice); an update is marked done only once its effect is stored, so one
 * whose handling failed (answered with an apology, `failed`) is handled again when the messenger resends it.
 */
export function handledOnce(redis: Redis, handle: (event: InboundEvent) => Promise<HandleResult>): EventHandler {
  return async (event) => {
    if ((await claimUpdate(redis, event.channel, event.eventId)) === 'duplicate') return null;
    const result = await handle(event);
    if (!result.failed) await markDone(redis, event.channel, event.eventId);
    return result;
  };
}
