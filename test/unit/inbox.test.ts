import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisInbox } from '../../src/delivery/inbox.js';
import { createRedis } from '../../src/redis.js';
import { createLogger } from '../../src/logger.js';
import { testRedisUrl } from '../support/servers.js';

const redis = createRedis(testRedisUrl(), `sk-test-inbox-${randomBytes(4).toString('hex')}:`);
const log = createLogger('silent');
const quickTakeOver = { idleMs: 300, everyMs: 100 };
afterAll(() => redis.quit());

const until = async (done: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('the webhook inbox (Redis stream)', () => {
  it('hands items over in the order they were stored, several at once, and forgets them once handled', async () => {
    const inbox = new RedisInbox(redis, log, quickTakeOver);
    const started: number[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const consumer = inbox.consume('order', async (item) => {
      started.push((item as { n: number }).n);
      mostAtOnce = Math.max(mostAtOnce, ++running);
      await new Promise((resolve) => setTimeout(resolve, 100));
      running--;
    });
    for (let n = 0; n < 20; n++) await inbox.put('order', { n });
    await until(() => started.length === 20 && running === 0);
    await consumer.stop();
    expect(started).toEqual([...Array(20).keys()]);
    expect(mostAtOnce).toBeGreaterThan(1);
    expect(await redis.xlen('inbox:order')).toBe(0);
  });

  it('keeps what was stored while no process consumed, and hands it to the next one', async () => {
    const inbox = new RedisInbox(redis, log, quickTakeOver);
    await inbox.put('later', { hello: 'world' });
    const got: unknown[] = [];
    const consumer = inbox.consume('later', async (item) => void got.push(item));
    await until(() => got.length === 1);
    await consumer.stop();
    expect(got).toEqual([{ hello: 'world' }]);
  });

  it('gives an item taken by a process that died to another process', async () => {
    const inbox = new RedisInbox(redis, log, quickTakeOver);
    let dyingTook = false;
    // This process takes the item and never finishes it (it was killed).
    const dying = inbox.consume('dies', () => {
      dyingTook = true;
      return new Promise<void>(() => undefined);
    });
    await inbox.put('dies', { n: 1 });
    await until(() => dyingTook);
    // Its stop would wait for the unfinished item: nothing waits for a killed process.
    void dying.stop();
    const got: unknown[] = [];
    const survivor = inbox.consume('dies', async (item) => void got.push(item));
    await until(() => got.length === 1);
    await survivor.stop();
    expect(got).toEqual([{ n: 1 }]);
    expect(await redis.xlen('inbox:dies')).toBe(0);
  }, 40_000);

  it('tries an item whose handling fails again, then drops it after five tries', async () => {
    const inbox = new RedisInbox(redis, log, quickTakeOver);
    let tries = 0;
    const consumer = inbox.consume('fails', async () => {
      tries++;
      throw new Error('the database is down');
    });
    await inbox.put('fails', { n: 1 });
    await until(() => tries === 5, 30_000);
    // After the fifth failure it is dropped at the next look for leftovers, and not tried again.
    let length = 1;
    for (const deadline = Date.now() + 10_000; length > 0 && Date.now() < deadline;) {
      length = await redis.xlen('inbox:fails');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await consumer.stop();
    expect(length).toBe(0);
    expect(tries).toBe(5);
  }, 40_000);
});
