import { createHash } from 'node:crypto';
import { DelayedError, Job, Queue, RateLimitError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Deps } from '../src/deps.js';
import { createRedis } from '../src/redis.js';
import { ChatLanes, type LaneRef } from '../src/delivery/chat-lanes.js';
import type { Outbox } from '../src/services/delivery.service.js';
import { deliverQueued, readDelivery } from '../src/services/dispatch.service.js';

export const DELIVERY_QUEUE = 'deliveries';
/** Deliveries one worker process has in flight at once, each to a different chat. */
export const DELIVERY_CONCURRENCY = 16;
const ATTEMPTS = 8;
const BACKOFF_MS = 2000;
/**
 * A delivery behind others of its chat is woken when its turn comes (the one before it promotes it);
 * it looks again after this long (wall-clock ms) in case that wake-up was missed.
 */
const LANE_RECHECK_MS = 1000;
/**
 * A delivery in flight holds up the rest of its chat, so a worker that died is found out sooner than
 * BullMQ's default (30 s lock): its job is back on the queue within about 15 s.
 */
const LOCK_MS = 10_000;
const STALLED_CHECK_MS = 5_000;
/** A job in one of these states will still be run (a dead worker's active job is found stalled and run again). */
const LIVE_STATES = new Set(['active', 'waiting', 'delayed', 'prioritized', 'waiting-children']);

export interface QueueConnection {
  url: string;
  prefix: string;
  /**
   * Multiplies every delay (retry_after, backoff, a chat's next slot). 1 in production; tests run
   * messenger time faster, the way their fake servers do.
   */
  timeScale?: number;
}

export const bullOptions = (c: QueueConnection) => ({
  connection: { url: c.url, maxRetriesPerRequest: null },
  prefix: `${c.prefix}bull`,
});

// BullMQ refuses ':' in custom job ids; a digest of the key is stable and safe.
export const jobIdOf = (key: string): string => createHash('sha1').update(key).digest('hex');

/**
 * The delivery queue. A key's job id is derived from the key, so a key already waiting is not queued
 * twice; MongoDB's record of the key is what keeps it from being sent twice. Each key also joins its
 * chat's lane as it is queued: that is the order the chat gets its messages in.
 */
export class BullOutbox implements Outbox {
  constructor(
    private readonly queue: Queue,
    /** On the bot's Redis (its key prefix), where the delivery worker looks for them. */
    private readonly lanes: ChatLanes,
    private readonly timeScale = 1,
    private readonly ownRedis: Redis | null = null,
  ) {}

  static open(c: QueueConnection): BullOutbox {
    const redis = createRedis(c.url, c.prefix);
    return new BullOutbox(new Queue(DELIVERY_QUEUE, bullOptions(c)), new ChatLanes(redis), c.timeScale ?? 1, redis);
  }

  async add(key: string, chat: LaneRef): Promise<void> {
    await this.queue.add(
      'deliver',
      { key },
      {
        jobId: jobIdOf(key),
        attempts: ATTEMPTS,
        backoff: { type: 'exponential', delay: Math.round(BACKOFF_MS * this.timeScale) },
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
    // After the job exists: a lane's head without a job is taken for one given up (see startDeliveryWorker).
    await this.lanes.join({ channel: chat.channel, chatId: chat.chatId }, key);
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.ownRedis?.quit();
  }
}

/**
 * The delivery worker: up to DELIVERY_CONCURRENCY deliveries at once, but only the head of each chat's
 * lane, so a chat gets its messages in the order they were queued; the pacer keeps them within the
 * messengers' limits. A delivery whose chat has no slot soon (a group's queue of cards), or that is
 * behind others of its chat, waits in the queue with a delay while the worker serves other chats.
 * When a messenger says "retry after N seconds", the whole queue waits that long and the job is tried
 * again first; other failures back off exponentially.
 */
export function startDeliveryWorker(deps: Deps, c: QueueConnection): Worker {
  const scale = c.timeScale ?? 1;
  const waitInQueue = async (job: Job, token: string | undefined, ms: number): Promise<never> => {
    await job.moveToDelayed(Date.now() + Math.round(ms), token);
    throw new DelayedError();
  };
  const lanes = new ChatLanes(deps.redis);
  // The lane's next delivery has been waiting for this one: wake it now rather than at its recheck.
  const leave = async (lane: LaneRef, key: string): Promise<void> => {
    const next = await lanes.leave(lane, key);
    const job = next ? await Job.fromId(worker, jobIdOf(next)) : undefined;
    if (job && (await job.isDelayed()))
      await job
        .promote()
        .catch((err: unknown) => deps.log.debug({ err, key: next }, 'delivery: next in lane was not delayed'));
  };
  /**
   * How many deliveries of the chat are ahead of this one. A head whose job will never run again (gone:
   * given up or lost, 'unknown'; or done without leaving the lane) is dropped.
   */
  const aheadOf = async (lane: LaneRef, key: string): Promise<number> => {
    for (;;) {
      const { head, ahead } = await lanes.join(lane, key);
      const headJob = ahead === 0 ? null : await worker.getBackend().getState(jobIdOf(head));
      if (!headJob || LIVE_STATES.has(headJob)) return ahead;
      deps.log.warn(
        { key: head, chatId: lane.chatId, headJob },
        'delivery lane: dropping a head whose job will not run',
      );
      await lanes.leave(lane, head);
    }
  };

  const worker: Worker = new Worker(
    DELIVERY_QUEUE,
    async (job, token) => {
      const key = (job.data as { key: string }).key;
      const d = await readDelivery(key);
      if (!d) return 'duplicate';
      const lane = { channel: d.channel, chatId: d.chatId };
      const ahead = await aheadOf(lane, key);
      if (ahead > 0)
        return waitInQueue(
          job,
          token,
          Math.max(LANE_RECHECK_MS, (await deps.pacer.chatFreeInMs(d.channel, d.chatId, ahead)) * scale),
        );

      const outcome = await deliverQueued(deps, key, d);
      if (outcome.status === 'later') return waitInQueue(job, token, outcome.afterMs * scale);
      if (outcome.status === 'retry') {
        if (outcome.afterMs !== null) {
          await worker.rateLimit(Math.round(outcome.afterMs * scale));
          throw new RateLimitError();
        }
        if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await leave(lane, key);
        throw new Error(`delivery ${outcome.key} failed; backing off`);
      }
      await leave(lane, key);
      return outcome.status;
    },
    { ...bullOptions(c), concurrency: DELIVERY_CONCURRENCY, lockDuration: LOCK_MS, stalledInterval: STALLED_CHECK_MS },
  );
  worker.on('error', (err) => deps.log.error({ err }, 'delivery worker error'));
  return worker;
}
