import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { ChatBusyError, LIMITS, MAX_CHAT_WAIT_MS, Pacer, type PacerTime, type Rate } from '../../src/delivery/pacer.js';
import { createRedis } from '../../src/redis.js';
import type { Channel } from '../../src/core/channel.js';
import { testRedisUrl } from '../support/servers.js';

/**
 * Messenger time for the pacers under test: it stands still while anyone is busy (talking to Redis)
 * and jumps to the next wake-up once every actor sleeps, so the figures are exact and no test waits.
 */
class SimulatedTime implements PacerTime {
  private t = 0;
  private sleepers: { at: number; wake: () => void }[] = [];

  now = (): number => this.t;

  sleep = (ms: number): Promise<void> => new Promise((wake) => this.sleepers.push({ at: this.t + ms, wake }));

  async run(actors: (() => Promise<void>)[]): Promise<void> {
    let live = actors.length;
    const finished = Promise.all(actors.map((actor) => actor().finally(() => (live -= 1))));
    while (live > 0) {
      await new Promise((resolve) => setTimeout(resolve, 0)); // let Redis answer
      if (live === 0 || this.sleepers.length < live) continue;
      this.sleepers.sort((a, b) => a.at - b.at);
      this.t = Math.max(this.t, this.sleepers[0]!.at);
      const due = this.sleepers.filter((s) => s.at <= this.t);
      this.sleepers = this.sleepers.filter((s) => s.at > this.t);
      for (const s of due) s.wake();
    }
    await finished;
  }
}

/** A small seeded generator, so a failing mix can be run again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sent {
  channel: Channel;
  chatId: string;
  requestedAt: number;
  sentAt: number;
}

const connections: Redis[] = [];
afterAll(() => Promise.all(connections.map((r) => r.quit())));

/** Several processes: each its own Redis connection and Pacer, sharing one key space. */
function processes(count: number, time: PacerTime): Pacer[] {
  const prefix = `sk-test-pacer-${randomBytes(4).toString('hex')}:`;
  return Array.from({ length: count }, () => {
    const redis = createRedis(testRedisUrl(), prefix);
    connections.push(redis);
    return new Pacer(redis, time);
  });
}

/** Sends one message the way the bot does: a chat with no slot soon is tried again when it has one. */
async function send(pacer: Pacer, time: SimulatedTime, channel: Channel, chatId: string, log: Sent[]): Promise<void> {
  const requestedAt = time.now();
  for (;;) {
    try {
      await pacer.wait(channel, chatId);
      log.push({ channel, chatId, requestedAt, sentAt: time.now() });
      return;
    } catch (err) {
      if (!(err instanceof ChatBusyError)) throw err;
      await time.sleep(err.retryAfterMs);
    }
  }
}

/** The most messages any window of this length holds. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= windowMs) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

/** Whether the sends keep to the rate: never ahead of the schedule a GCRA allows. */
function keepsTo(rate: Rate, times: number[]): boolean {
  let tat = -Infinity;
  for (const t of times) {
    if (t < tat - (rate.burst - 1) * rate.intervalMs - 1e-6) return false;
    tat = Math.max(tat, t) + rate.intervalMs;
  }
  return true;
}

const isGroup = (chatId: string) => chatId.startsWith('-');
const chatRate = (channel: Channel, chatId: string): Rate =>
  isGroup(chatId) ? LIMITS.telegram.group! : LIMITS[channel].private;

describe('the pacer', () => {
  it('keeps every chat and the whole bot within the limits, and lets no group delay a private chat, whatever the mix', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const rnd = random(seed);
      const time = new SimulatedTime();
      const pacers = processes(3, time);
      const someProcess = () => pacers[Math.floor(rnd() * pacers.length)]!;
      const log: Sent[] = [];
      const actors: (() => Promise<void>)[] = [];
      // Team groups, each with a queue of cards (and sometimes more arriving), sent by any process.
      for (let g = 0; g < 1 + Math.floor(rnd() * 4); g++) {
        const chatId = `-100${seed}${g}`;
        const cards = 10 + Math.floor(rnd() * 30);
        actors.push(async () => {
          for (let n = 0; n < cards; n++) {
            if (rnd() < 0.1) await time.sleep(Math.floor(rnd() * 20_000));
            await send(someProcess(), time, 'telegram', chatId, log);
          }
        });
      }
      // People writing privately on both messengers: now and then, sometimes several messages at once.
      for (let p = 0; p < 15 + Math.floor(rnd() * 25); p++) {
        const channel: Channel = rnd() < 0.7 ? 'telegram' : 'zalo';
        const chatId = `${seed}${p}`;
        const messages = 1 + Math.floor(rnd() * 12);
        actors.push(async () => {
          for (let n = 0; n < messages; n++) {
            if (rnd() < 0.6) await time.sleep(Math.floor(rnd() * 8000));
            await send(someProcess(), time, channel, chatId, log);
          }
        });
      }
      await time.run(actors);

      const chats = new Map<string, Sent[]>();
      for (const s of log) chats.set(`${s.channel}:${s.chatId}`, [...(chats.get(`${s.channel}:${s.chatId}`) ?? []), s]);
      for (const sent of chats.values()) {
        const { channel, chatId } = sent[0]!;
        const times = sent.map((s) => s.sentAt);
        expect(keepsTo(chatRate(channel, chatId), times), `seed ${seed}, chat ${chatId}`).toBe(true);
        if (isGroup(chatId))
          expect(busiestWindow(times, 60_000), `seed ${seed}, group ${chatId}`).toBeLessThanOrEqual(20);
      }
      const telegram = log.filter((s) => s.channel === 'telegram').map((s) => s.sentAt);
      expect(busiestWindow(telegram, 1000), `seed ${seed}`).toBeLessThanOrEqual(30);
      const zalo = log.filter((s) => s.channel === 'zalo').map((s) => s.sentAt);
      expect(keepsTo(LIMITS.zalo.all, zalo), `seed ${seed}`).toBe(true);

      // A private message waits for its own chat's slot, then no longer than the messages the bot sent
      // meanwhile require at the bot-wide rate; the groups' schedules never come into it.
      for (const sent of chats.values()) {
        if (isGroup(sent[0]!.chatId)) continue;
        const rate = chatRate(sent[0]!.channel, sent[0]!.chatId);
        const all = LIMITS[sent[0]!.channel].all;
        let tat = -Infinity;
        for (const s of sent) {
          const ownSlot = Math.max(s.requestedAt, tat - (rate.burst - 1) * rate.intervalMs);
          const sentMeanwhile = log.filter(
            (o) => o.channel === s.channel && o !== s && o.sentAt >= ownSlot && o.sentAt <= s.sentAt,
          ).length;
          expect(s.sentAt - ownSlot, `seed ${seed}, chat ${s.chatId} at ${s.requestedAt}`).toBeLessThanOrEqual(
            Math.ceil((sentMeanwhile + 1) * all.intervalMs) + 1,
          );
          tat = Math.max(tat, s.sentAt) + rate.intervalMs;
        }
      }
    }
  });

  it("does not book the bot's schedule for a group's far slot: the next private message goes at once", async () => {
    const time = new SimulatedTime();
    const [groupSide, privateSide] = processes(2, time);
    const log: Sent[] = [];
    await time.run([
      async () => {
        for (let n = 0; n < 20; n++) await send(groupSide!, time, 'telegram', '-100777', log);
      },
      async () => {
        await time.sleep(5000); // the group is well into its queue
        await send(privateSide!, time, 'telegram', '777', log);
      },
    ]);
    const reply = log.find((s) => s.chatId === '777')!;
    expect(reply.sentAt - reply.requestedAt).toBeLessThanOrEqual(Math.ceil(LIMITS.telegram.all.intervalMs));
    const group = LIMITS.telegram.group!;
    expect(log.filter((s) => s.chatId === '-100777').at(-1)!.sentAt).toBe((20 - group.burst) * group.intervalMs); // the group kept its own pace
  });

  it('refuses a message whose chat has no slot within MAX_CHAT_WAIT_MS, booking nothing for it', async () => {
    const time = new SimulatedTime();
    const pacers = processes(2, time);
    const group = LIMITS.telegram.group!;
    const sent: number[] = [];
    const refused: ChatBusyError[] = [];
    // Eight senders at once for one group: three go at once, then one a slot, until the waiting is too long.
    await time.run(
      Array.from({ length: 8 }, (_, n) => async () => {
        try {
          await pacers[n % 2]!.wait('telegram', '-100888');
          sent.push(time.now());
        } catch (err) {
          if (!(err instanceof ChatBusyError)) throw err;
          refused.push(err);
        }
      }),
    );
    const slots = group.burst + Math.floor(MAX_CHAT_WAIT_MS / group.intervalMs);
    expect(sent).toHaveLength(slots);
    expect(refused).toHaveLength(8 - slots);
    expect(await pacers[0]!.chatFreeInMs('telegram', '-100888')).toBe(group.intervalMs); // the refused booked nothing
    for (const err of refused) expect(err.retryAfterMs).toBe(group.intervalMs);
  });
});
