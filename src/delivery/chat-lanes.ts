import { DAY_MS } from '../core/time.js';
import type { Redis } from 'ioredis';

/** One lane per chat of a messenger. */
export interface LaneRef {
  channel: string;
  chatId: string;
}

/**
 * The deliveries of one chat in the order they were queued, so that a worker running many deliveries
 * at once still sends each chat its messages in order: only the lane's head is sent, the others wait.
 * A lane is a sorted set: key → a sequence number taken when the key joined (ZADD NX: joining again
 * keeps the place).
 */
export class ChatLanes {
  private readonly redis: LaneRedis;

  constructor(
    redis: Redis,
    private readonly base = 'lane',
  ) {
    if (!('laneJoin' in redis)) {
      redis.defineCommand('laneJoin', { numberOfKeys: 2, lua: JOIN });
      redis.defineCommand('laneLeave', { numberOfKeys: 1, lua: LEAVE });
    }
    this.redis = redis as LaneRedis;
  }

  /**
   * Puts the key at the end of its chat's lane, or leaves it where it is; returns the lane's head and
   * how many keys are ahead of this one (0: its turn).
   */
  async join(lane: LaneRef, key: string): Promise<{ head: string; ahead: number }> {
    const [head, ahead] = await this.redis.laneJoin(this.order(lane), `${this.base}:seq`, key, IDLE_LANE_TTL_MS);
    return { head, ahead };
  }

  /** Done with this key (sent, or given up); returns the chat's next delivery, whose turn it now is. */
  async leave(lane: LaneRef, key: string): Promise<string | null> {
    return this.redis.laneLeave(this.order(lane), key);
  }

  private order(lane: LaneRef): string {
    return `${this.base}:${lane.channel}:${lane.chatId}`;
  }
}

/** A lane nobody joined for this long is forgotten. */
const IDLE_LANE_TTL_MS = 7 * DAY_MS;

type LaneRedis = Redis & {
  laneJoin(order: string, seq: string, key: string, ttlMs: number): Promise<[string, number]>;
  laneLeave(order: string, key: string): Promise<string | null>;
};

const JOIN = `
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[2]), ARGV[1])
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return {redis.call('ZRANGE', KEYS[1], 0, 0)[1], redis.call('ZRANK', KEYS[1], ARGV[1])}
`;

const LEAVE = `
redis.call('ZREM', KEYS[1], ARGV[1])
return redis.call('ZRANGE', KEYS[1], 0, 0)[1] or false
`;
