import type { Redis } from 'ioredis';
import type { Clock } from './core/time.js';
import type { I18n } from './core/i18n.js';
import type { Logger } from './logger.js';
import type { Senders, Outbox } from './services/delivery.service.js';
import type { Pacer } from './delivery/pacer.js';
import type { FileFetcher } from './core/sender.js';
import type { Reply } from './core/reply.js';
import type { Channel } from './core/channel.js';

/**
 * Cards to post for a new initiative, or to refresh after it changed (its revision, or `tag` for a change
 * that moves no revision: a duplicate merged into it); a message for its author (a status notice, the
 * team's relay), under the delivery key `key`.
 */
export type FollowUp =
  | { kind: 'post-cards'; code: string }
  | { kind: 'update-cards'; code: string; rev: number; tag?: string }
  | { kind: 'tell-author'; code: string; key: string; reply: Reply; as: 'relay' | 'notice' };

export interface FollowUps {
  add(task: FollowUp): Promise<void>;
}

/** What handlers and adapters need from the outside world; built once in src/app.ts. */
export interface Deps {
  clock: Clock;
  i18n: I18n;
  log: Logger;
  redis: Redis;
  /** One sender per running messenger, registered as each channel starts. */
  senders: Senders;
  /** Holds each message until the messenger's rate limits allow it. */
  pacer: Pacer;
  /** The delivery queue: proactive messages wait here for the delivery worker. */
  outbox: Outbox;
  /** Work that follows a person's action but is for other people: done after they have their answer. */
  followUps: FollowUps;
  /** Where a file sent on one messenger can be fetched to pass it to another, per messenger. */
  files: Partial<Record<Channel, FileFetcher>>;
  /** PUBLIC_BASE_URL: where people open this process's HTTP server (the dashboard); unset, there is none. */
  publicBaseUrl?: string;
}
