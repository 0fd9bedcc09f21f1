import { Queue, Worker } from 'bullmq';
import type { Deps, FollowUp, FollowUps } from '../src/deps.js';
import { findInitiative } from '../src/services/workflow.service.js';
import { postCards, tellAuthor, updateCards } from '../src/services/notifications.service.js';
import { bullOptions, type QueueConnection } from './delivery-queue.js';

export const FOLLOW_UP_QUEUE = 'follow-ups';
/** Follow-ups of different initiatives run side by side; each only queues deliveries. */
const CONCURRENCY = 8;

// BullMQ refuses ':' in custom job ids. The same follow-up asked twice (a retried update) runs once
// while the first is waiting; if it runs again later, the deliveries' unique keys still send once.
function jobIdOf(task: FollowUp): string {
  if (task.kind === 'update-cards') return `${task.kind}-${task.code}-r${task.rev}${task.tag ? `-${task.tag}` : ''}`;
  if (task.kind === 'tell-author') return `${task.kind}-${task.key.replaceAll(':', '_')}`;
  return `${task.kind}-${task.code}`;
}

/** The queue of work that follows a person's action but is for other people (their cards). */
export class BullFollowUps implements FollowUps {
  constructor(readonly queue: Queue) {}

  static open(c: QueueConnection): BullFollowUps {
    return new BullFollowUps(new Queue(FOLLOW_UP_QUEUE, bullOptions(c)));
  }

  async add(task: FollowUp): Promise<void> {
    await this.queue.add(task.kind, task, {
      jobId: jobIdOf(task),
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: true,
      removeOnFail: 1000,
    });
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

async function runFollowUp(deps: Deps, task: FollowUp): Promise<void> {
  if (task.kind === 'post-cards') return postCards(deps, task.code);
  // The initiative as it is now: a later change's card refresh finds its key already sent.
  const i = await findInitiative(task.code);
  if (!i) return;
  if (task.kind === 'update-cards') await updateCards(deps, i, [], task.tag);
  else await tellAuthor(deps, i, () => task.reply, task.key, task.as);
}

export function startFollowUpWorker(deps: Deps, c: QueueConnection): Worker {
  const worker = new Worker(FOLLOW_UP_QUEUE, (job) => runFollowUp(deps, job.data as FollowUp), {
    ...bullOptions(c),
    concurrency: CONCURRENCY,
  });
  worker.on('failed', (job, err) => deps.log.error({ err, followUp: job?.data as unknown }, 'a follow-up failed'));
  worker.on('error', (err) => deps.log.error({ err }, 'follow-up worker error'));
  return worker;
}
