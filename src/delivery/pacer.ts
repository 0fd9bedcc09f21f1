import { AsyncLocalStorage } from 'node:async_hooks';
import type { Redis } from 'ioredis';
import { RetryLaterError, type Pacing } from '../core/sender.js';
import type { Channel } from '../core/channel.js';

/** One limit: at most `burst` messages at once, then one every `intervalMs`. */
export interface Rate {
  intervalMs: number;
  burst: number;
}

export interface ChannelLimits {
  /** Everything the bot sends on this messenger. */
  all: Rate;
  private: Rate;
  /** Group chats (Telegram's negative chat ids); a messenger without groups has none. */
  group?: Rate;
}

/**
 * What each messenger allows, kept so that no window ever holds more than the documented count
 * (a GCRA lets `burst - 1 + ceil(window / interval)` messages into any window). Telegram: 30 a second
 * per bot (evenly spaced), one a second per private chat with short bursts, 20 a minute per group
 * (three at once, then one every 3.34 s). Zalo OA: 4000 requests a minute per app; no per-person
 * limit is documented, so a person gets Telegram's private pace.
 */
export const LIMITS: Record<Channel, ChannelLimits> = {
  telegram: {
    all: { intervalMs: 33.4, burst: 1 },
    private: { intervalMs: 1000, burst: 3 },
    group: { intervalMs: 3340, burst: 3 },
  },
  zalo: { all: { intervalMs: 15, burst: 1 }, private: { intervalMs: 1000, burst: 3 } },
};

/** A chat whose own next slot is further away than this is not waited for inline. */
export const MAX_CHAT_WAIT_MS = 10_000;

export interface PacerTime {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTime: PacerTime = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** This chat's own limit has no slot soon: the message should wait somewhere cheaper (the delivery queue). */
export class ChatBusyError extends RetryLaterError {}

// GCRA over two keys (the chat, the whole bot), taken in that order: while the chat has no slot, nothing
// is booked and the caller is told how long until it has one. Only a message that can go now books the
// bot-wide key, at the bot's next free slot, so one slow chat never pushes the whole bot's schedule back.
// Returns {1, ms until the booked slot} or {0, ms until the chat has a slot}. One script, so
// processes sharing Redis share the limits.
const RESERVE = `
local now = tonumber(ARGV[1])
local allInterval, allBurst = tonumber(ARGV[2]), tonumber(ARGV[3])
local chatInterval, chatBurst = tonumber(ARGV[4]), tonumber(ARGV[5])
local chatTat = math.max(tonumber(redis.call('GET', KEYS[2]) or now), now)
local chatAt = chatTat - (chatBurst - 1) * chatInterval
if chatAt > now then return {0, math.ceil(chatAt - now)} end
local allTat = math.max(tonumber(redis.call('GET', KEYS[1]) or now), now)
local sendAt = math.max(now, allTat - (allBurst - 1) * allInterval)
allTat = math.max(allTat, sendAt) + allInterval
chatTat = math.max(chatTat, sendAt) + chatInterval
redis.call('SET', KEYS[1], tostring(allTat), 'PX', math.ceil(allTat - now) + 1000)
redis.call('SET', KEYS[2], tostring(chatTat), 'PX', math.ceil(chatTat - now) + 1000)
return {1, math.ceil(sendAt - now)}
`;

// Nothing more on the messenger before `until`: pushes the bot-wide schedule back after a 429.
const HOLD_OFF = `
local tat = math.max(tonumber(redis.call('GET', KEYS[1]) or 0), tonumber(ARGV[1]))
redis.call('SET', KEYS[1], tostring(tat), 'PX', math.ceil(tonumber(ARGV[2])) + 1000)
`;

type PacedRedis = Redis & {
  reserveSlot(all: string, chat: string, ...args: (string | number)[]): Promise<[booked: number, waitMs: number]>;
  holdOff(all: string, until: number, forMs: number): Promise<null>;
};

/** Holds each outgoing message until the messenger's limits allow it, across all processes. */
export class Pacer implements Pacing {
  private readonly redis: PacedRedis;
  /** A slot taken ahead by withSlot(), for the first message of its callback to that chat. */
  private readonly heldSlot = new AsyncLocalStorage<{ channel: Channel; chatId: string; used: boolean }>();

  constructor(
    redis: Redis,
    private readonly time: PacerTime = realTime,
    private readonly limits: Record<Channel, ChannelLimits> = LIMITS,
  ) {
    if (!('reserveSlot' in redis)) {
      redis.defineCommand('reserveSlot', { numberOfKeys: 2, lua: RESERVE });
      redis.defineCommand('holdOff', { numberOfKeys: 1, lua: HOLD_OFF });
    }
    this.redis = redis as PacedRedis;
  }

  /**
   * Resolves when a message to this chat may go out; the slot is booked for the caller. It waits for
   * the chat's own slot up to MAX_CHAT_WAIT_MS, then for the bot-wide one; a chat whose slot is
   * further away throws ChatBusyError (nothing booked).
   */
  async wait(channel: Channel, chatId: string): Promise<void> {
    const held = this.heldSlot.getStore();
    if (held && !held.used && held.channel === channel && held.chatId === chatId) {
      held.used = true;
      return;
    }
    const all = this.limits[channel].all;
    const chat = this.chatRate(channel, chatId);
    const giveUpAt = this.time.now() + MAX_CHAT_WAIT_MS;
    for (;;) {
      const now = this.time.now();
      const [booked, waitMs] = await this.redis.reserveSlot(
        this.allKey(channel),
        this.chatKey(channel, chatId),
        now,
        all.intervalMs,
        all.burst,
        chat.intervalMs,
        chat.burst,
      );
      if (booked) {
        if (waitMs > 0) await this.time.sleep(waitMs);
        return;
      }
      if (now + waitMs > giveUpAt)
        throw new ChatBusyError(`chat ${chatId} has no ${channel} slot for ${waitMs} ms`, waitMs);
      await this.time.sleep(waitMs);
    }
  }

  /**
   * Waits for a slot of this chat, then runs `send`, whose first message to the chat takes that slot at
   * once. A delivery marks itself "sending" inside `send`: if its process dies, what was marked had
   * (nearly) reached the messenger, rather than waiting in line for a slot.
   */
  async withSlot<T>(channel: Channel, chatId: string, send: () => Promise<T>): Promise<T> {
    await this.wait(channel, chatId);
    return this.heldSlot.run({ channel, chatId, used: false }, send);
  }

  /** How long until this chat could take a message after `ahead` more (0: now). Books nothing. */
  async chatFreeInMs(channel: Channel, chatId: string, ahead = 0): Promise<number> {
    const chat = this.chatRate(channel, chatId);
    const now = this.time.now();
    const tat = Math.max(Number((await this.redis.get(this.chatKey(channel, chatId))) ?? now), now);
    return Math.max(0, Math.ceil(tat + (ahead - chat.burst + 1) * chat.intervalMs - now));
  }

  /** The messenger said "too many requests, retry after": every process holds back that long. */
  async holdOff(channel: Channel, ms: number): Promise<void> {
    await this.redis.holdOff(this.allKey(channel), this.time.now() + ms, ms);
  }

  private chatRate(channel: Channel, chatId: string): Rate {
    const limits = this.limits[channel];
    return chatId.startsWith('-') && limits.group ? limits.group : limits.private;
  }

  private allKey(channel: Channel): string {
    return `pace:${channel}`;
  }

  private chatKey(channel: Channel, chatId: string): string {
    return `pace:${channel}:${chatId}`;
  }
}
