import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Inbox, InboxConsumer } from '../core/inbox.js';
import type { Logger } from '../logger.js';

/** Items handled at once per source (each chat's items are ordered by the handler). */
const CONCURRENCY = 64;
/** How long one read waits for new items before looking at the others' leftovers again. */
const BLOCK_MS = 1_000;

export interface TakeOver {
  /** An item handed out this long ago and not done is taken over: longer than any item takes (30 s lease). */
  idleMs: number;
  /** How often a process looks for such items. */
  everyMs: number;
}
const TAKE_OVER: TakeOver = { idleMs: 60_000, everyMs: 10_000 };
/** An item handed out this often without being done is dropped, with an error line naming it. */
const MAX_DELIVERIES = 5;
const STOP_WAIT_MS = 10_000;
const GROUP = 'handlers';

type StreamEntry = [id: string, fields: string[]];

/**
 * The inbox on Redis streams: `put` is an XADD per item, in one transaction (durable as far as Redis is:
 * run it with AOF in production), the handlers of every bot process read through one consumer group, an
 * item is XACKed and deleted once handled, and the items of a process that died are claimed by another
 * after a minute.
 */
export class RedisInbox implements Inbox {
  constructor(
    private readonly redis: Redis,
    private readonly log: Logger,
    private readonly takeOver: TakeOver = TAKE_OVER,
  ) {}

  async put(source: string, ...items: unknown[]): Promise<void> {
    if (items.length === 0) return;
    const adding = this.redis.multi();
    for (const item of items) adding.xadd(keyOf(source), '*', 'item', JSON.stringify(item));
    const results = await adding.exec();
    const failed = results?.find(([err]) => err !== null);
    if (!results || failed) throw new Error('storing in the inbox failed', { cause: failed?.[0] });
  }

  /**
   * Resolves once every item stored for `source` was handled (a stored item is deleted once handled): the
   * playground and the tests show a person the bot's answer before their action returns.
   */
  async emptied(source: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.redis.xlen(keyOf(source))) > 0) {
      if (Date.now() > deadline) throw new Error(`the ${source} inbox still holds items after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  consume(source: string, handle: (item: unknown) => Promise<void>): InboxConsumer {
    return new StreamConsumer(this.redis, this.log.child({ inbox: source }), keyOf(source), handle, this.takeOver);
  }
}

const keyOf = (source: string) => `inbox:${source}`;

class StreamConsumer implements InboxConsumer {
  private readonly reader: Redis;
  private readonly name = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly running = new Set<Promise<void>>();
  private stopped = false;
  private readonly loop: Promise<void>;

  constructor(
    private readonly redis: Redis,
    private readonly log: Logger,
    private readonly key: string,
    private readonly handle: (item: unknown) => Promise<void>,
    private readonly takeOver: TakeOver,
  ) {
    // A blocking read holds its connection: it gets one of its own.
    this.reader = redis.duplicate();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.reader.disconnect();
    await this.loop;
    const deadline = new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref());
    await Promise.race([Promise.allSettled([...this.running]), deadline]);
  }

  private async run(): Promise<void> {
    let nextTakeOver = 0;
    while (!this.stopped) {
      try {
        if (this.running.size >= CONCURRENCY) {
          await Promise.race(this.running);
          continue;
        }
        if (Date.now() >= nextTakeOver) {
          await this.takeOverLeftovers();
          nextTakeOver = Date.now() + this.takeOver.everyMs;
        }
        const batch = (await this.reader.xreadgroup(
          'GROUP',
          GROUP,
          this.name,
          'COUNT',
          CONCURRENCY - this.running.size,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          this.key,
          '>',
        )) as [string, StreamEntry[]][] | null;
        for (const [, entries] of batch ?? []) for (const entry of entries) this.start(entry);
      } catch (err) {
        if (this.stopped) return;
        if (err instanceof Error && err.message.startsWith('NOGROUP')) {
          await this.createGroup();
          continue;
        }
        this.log.warn({ err }, 'reading the inbox failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  private async createGroup(): Promise<void> {
    // From the start of the stream: items stored before any process consumed are handled too. ioredis
    // does not know where XGROUP's key is, so its key prefix is added here.
    const key = `${this.redis.options.keyPrefix ?? ''}${this.key}`;
    await this.redis.xgroup('CREATE', key, GROUP, '0', 'MKSTREAM').catch((err: unknown) => {
      if (!(err instanceof Error && err.message.startsWith('BUSYGROUP'))) throw err;
    });
  }

  private start([id, fields]: StreamEntry): void {
    const task = this.handleEntry(id, fields).finally(() => this.running.delete(task));
    this.running.add(task);
  }

  private async handleEntry(id: string, fields: string[]): Promise<void> {
    let item: unknown;
    try {
      item = JSON.parse(fields[fields.indexOf('item') + 1] ?? '');
    } catch {
      this.log.error({ id }, 'an inbox item is not JSON; dropped');
      return this.done(id);
    }
    try {
      await this.handle(item);
      await this.done(id);
    } catch (err) {
      // Left pending: taken over again once idle long enough, MAX_DELIVERIES times at most.
      this.log.error({ err, id }, 'handling an inbox item failed; it will be tried again');
    }
  }

  private async done(id: string): Promise<void> {
    await this.redis.multi().xack(this.key, GROUP, id).xdel(this.key, id).exec();
  }

  /** Items handed to a process that died (or whose handler failed) a while ago: handled here now. */
  private async takeOverLeftovers(): Promise<void> {
    const { idleMs } = this.takeOver;
    const pending = (await this.redis.xpending(this.key, GROUP, 'IDLE', idleMs, '-', '+', 100)) as [
      id: string,
      consumer: string,
      idleMs: number,
      deliveries: number,
    ][];
    for (const [id, , , deliveries] of pending) {
      if (deliveries >= MAX_DELIVERIES) {
        this.log.error({ id, deliveries }, 'an inbox item failed every time it was handled; dropped');
        await this.done(id);
        continue;
      }
      const claimed = (await this.redis.xclaim(this.key, GROUP, this.name, idleMs, id)) as StreamEntry[];
      for (const entry of claimed) {
        this.log.warn({ id: entry[0], deliveries }, 'taking over an inbox item left unfinished');
        this.start(entry);
      }
    }
  }
}
