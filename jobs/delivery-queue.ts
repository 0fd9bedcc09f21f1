import { createHash } from 'node:crypto';
import { Queue, RateLimitError, Worker } from 'bullmq';
import type { Deps } from '../src/deps.js';
import type { Outbox } from '../src/services/delivery.service.js';
import { deliverQueued } from './deliver.job.js';

export const DELIVERY_QUEUE = 'deliveries';

export interface QueueConnection {
  url: string;
  prefix: string;
  /**
   * Multiplies every delay (retry_after, backoff). 1 in production; tests run messenger time faster,
   * the way their fake servers do.
   */
  timeScale?: number;
}

export const bullOptions = (c: QueueConnection) => ({ connection: { url: c.url, maxRetriesPerRequest: null }, prefix: `${c.prefix}bull` });

// BullMQ refuses ':' in custom job ids; a digest of the key is stable and safe.
const jobIdOf = (key: string): string => createHash('sha1').update(key).digest('hex');

/**
 * The delivery queue. A key's job id is derived from the key, so a key already waiting is not queued
 * twice; MongoDB's record of the key is what keeps it from being sent twice.
 */
export class BullOutbox implements Outbox {
  constructor(
    private readonly queue: Queue,
    private readonly timeScale = 1,
  ) {}

  static open(c: QueueConnection): BullOutbox {
    return new BullOutbox(new Queue(DELIVERY_QUEUE, bullOptions(c)), c.timeScale ?? 1);
  }

  async add(key: string, delayMs = 0): Promise<void> {
    await this.queue.add(
      'deliver',
      { key },
      {
        jobId: jobIdOf(key),
        delay: Math.round(delayMs * this.timeScale),
        attempts: 8,
        backoff: { type: 'exponential', delay: Math.round(2000 * this.timeScale) },
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

/**
 * The delivery worker: one job at a time, so messages to a chat go out in the order they were queued;
 * the pacer keeps them within the messengers' limits. When a messenger says "retry after N seconds",
 * the whole queue waits that long and the job is tried again first; other failures back off exponentially.
 */
export function startDeliveryWorker(deps: Deps, c: QueueConnection): Worker {
  const scale = c.timeScale ?? 1;
  const worker: Worker = new Worker(
    DELIVERY_QUEUE,
    async (job) => {
      const outcome = await deliverQueued(deps, (job.data as { key: string }).key);
      if (outcome.status !== 'retry') return outcome.status;
      if (outcome.afterMs !== null) {
        await worker.rateLimit(Math.round(outcome.afterMs * scale));
        throw new RateLimitError();
      }
      throw new Error(`delivery ${outcome.key} failed; backing off`);
    },
    { ...bullOptions(c), concurrency: 1 },
  );
  worker.on('error', (err) => deps.log.error({ err }, 'delivery worker error'));
  return worker;
}
