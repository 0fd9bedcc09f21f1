import { Queue, Worker } from 'bullmq';
import type { Deps } from '../src/deps.js';
import { escalateStale } from '../src/services/notifications.service.js';
import { retryDeliveries } from '../src/services/delivery.service.js';
import { foldProgress } from '../src/services/progress-fold.service.js';
import { sendWeeklyPings } from '../src/services/weekly-pings.service.js';
import { nudgeLaggingUnits } from '../src/services/nudges.service.js';
import { remindPledges } from '../src/services/pledges.service.js';
import { sendClusterRankings } from '../src/services/clusters.service.js';
import { startDeliveryWorker, type QueueConnection } from './delivery-queue.js';
import { startFollowUpWorker } from './follow-ups.js';

export const SUPPORT_QUEUE = 'support';
/** Scheduler ids are fixed so upserting them on every boot never adds a second one. */
export const SCHEDULES: { id: string; repeat: { every: number } | { pattern: string; tz: string } }[] = [
  { id: 'escalate-stale', repeat: { every: 15 * 60_000 } },
  { id: 'retry-deliveries', repeat: { every: 60_000 } },
  { id: 'fold-progress', repeat: { every: 60_000 } },
  { id: 'weekly-progress', repeat: { every: 15 * 60_000 } },
  { id: 'lagging-nudges', repeat: { pattern: '0 0 8 * * *', tz: 'Asia/Ho_Chi_Minh' } },
  { id: 'pledge-deadlines', repeat: { pattern: '0 5 8 * * *', tz: 'Asia/Ho_Chi_Minh' } },
  { id: 'cluster-rankings', repeat: { pattern: '0 0 9 1 1,4,7,10 *', tz: 'Asia/Ho_Chi_Minh' } },
];

export interface RunningJobs {
  queue: Queue;
  stop(): Promise<void>;
}

/**
 * The recurring support work on BullMQ: each scheduler is upserted at start-up, one worker runs the
 * jobs, another the delivery queue they fill, a third the follow-ups of people's actions (cards).
 * Several processes may run this; BullMQ gives each job to one of them.
 */
export async function startJobs(deps: Deps, redis: QueueConnection): Promise<RunningJobs> {
  const connection = { url: redis.url, maxRetriesPerRequest: null };
  const prefix = `${redis.prefix}bull`;
  const queue = new Queue(SUPPORT_QUEUE, { connection, prefix });
  for (const s of SCHEDULES) {
    await queue.upsertJobScheduler(s.id, s.repeat, { name: s.id, opts: { removeOnComplete: 100, removeOnFail: 1000 } });
  }
  const worker = new Worker(
    SUPPORT_QUEUE,
    async (job) => {
      if (job.name === 'escalate-stale') return { escalated: await escalateStale(deps) };
      if (job.name === 'retry-deliveries') return { requeued: await retryDeliveries(deps) };
      if (job.name === 'fold-progress') return { folded: await foldProgress(deps) };
      if (job.name === 'weekly-progress') return { queued: await sendWeeklyPings(deps) };
      if (job.name === 'lagging-nudges') return { nudged: await nudgeLaggingUnits(deps) };
      if (job.name === 'pledge-deadlines') return { queued: await remindPledges(deps) };
      if (job.name === 'cluster-rankings') return { queued: await sendClusterRankings(deps) };
      throw new Error(`unknown support job ${job.name}`);
    },
    { connection, prefix, concurrency: 1 },
  );
  worker.on('failed', (job, err) => deps.log.error({ err, job: job?.name }, 'support job failed'));
  worker.on('error', (err) => deps.log.error({ err }, 'support worker error'));
  const deliveries = startDeliveryWorker(deps, redis);
  const followUps = startFollowUpWorker(deps, redis);
  return {
    queue,
    async stop() {
      await worker.close();
      await followUps.close();
      await deliveries.close();
      await queue.close();
    },
  };
}
