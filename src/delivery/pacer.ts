import type { Redis } from 'ioredis';
import type { Channel } from '../models/index.js';

/** One limit: at most `burst` messages at once, then one every `intervalMs`. */
export interface Rate {
  intervalMs: number;
  burst: number;
}

export interface ChannelLimits {
  /** Everything the bot sends on this messenger. */
  all: Rate;
  private: Rate;
  group: Rate;
}

/**
 * What each messenger allows. Telegram: about 30 messages a second per bot, one a second per private
 * chat (short bursts tolerated), 20 a minute per group. Zalo OA: 4000 requests a minute per app; no
 * per-chat limit is documented, so a person gets Telegram's private pace.
 */
export const LIMITS: Record<Channel, ChannelLimits> = {
  telegram: { all: { intervalMs: 1000 / 30, burst: 30 }, private: { intervalMs: 1000, burst: 3 }, group: { intervalMs: 3000, burst: 5 } },
  zalo: { all: { intervalMs: 60_000 / 4000, burst: 30 }, private: { intervalMs: 1000, burst: 3 }, group: { intervalMs: 3000, burst: 5 } },
};

export interface PacerTime {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTime: PacerTime = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

// GCRA over two keys (the whole bot, the chat): finds the first moment both allow a message, books it
// in both, and returns how long to wait for it. One script, so processes sharing Redis share the limits.
const RESERVE = `
local now = tonumber(ARGV[1])
local sendAt = now
for i, key in ipairs(KEYS) do
  local interval = tonumber(ARGV[i * 2]); local burst = tonumber(ARGV[i * 2 + 1])
  local tat = math.max(tonumber(redis.call('GET', key) or now), now)
  sendAt = math.max(sendAt, tat - (burst - 1) * interval)
end
for i, key in ipairs(KEYS) do
  local interval = tonumber(ARGV[i * 2])
  local tat = math.max(tonumber(redis.call('GET', key) or now), sendAt) + interval
  redis.call('SET', key, tostring(tat), 'PX', math.ceil(tat - now) + 1000)
end
return math.ceil(sendAt - now)
`;

// Nothing more on the messenger before `until`: pushes the bot-wide schedule back after a 429.
const HOLD_OFF = `
local tat = math.max(tonumber(redis.call('GET', KEYS[1]) or 0), tonumber(ARGV[1]))
redis.call('SET', KEYS[1], tostring(tat), 'PX', math.ceil(tonumber(ARGV[2])) + 1000)
`;

type PacedRedis = Redis & {
  reserveSlot(all: string, chat: string, ...args: (string | number)[]): Promise<number>;
  holdOff(all: string, until: number, forMs: number): Promise<null>;
};

/** Holds each outgoing message until the messenger's limits allow it, across all processes. */
export class Pacer {
  private readonly redis: PacedRedis;

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

  /** Resolves when a message to this chat may go out; the slot is booked for the caller. */
  async wait(channel: Channel, chatId: string, kind: 'private' | 'group'): Promise<void> {
    const all = this.limits[channel].all;
    const chat = this.limits[channel][kind];
    const waitMs = await this.redis.reserveSlot(`pace:${channel}`, `pace:${channel}:${chatId}`, this.time.now(), all.intervalMs, all.burst, chat.intervalMs, chat.burst);
    if (waitMs > 0) await this.time.sleep(waitMs);
  }

  /** The messenger said "too many requests, retry after": every process holds back that long. */
  async holdOff(channel: Channel, ms: number): Promise<void> {
    await this.redis.holdOff(`pace:${channel}`, this.time.now() + ms, ms);
  }
}
