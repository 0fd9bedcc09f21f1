import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkRedis, createRedis } from '../../src/redis.js';
import { STARTUP_CHECK_MS } from '../../src/core/startup-error.js';
import { testRedisUrl } from '../support/servers.js';

describe('the start-up check of Redis', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('leaves the connection open once Redis has answered, long after the check gave up waiting', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const redis = createRedis(testRedisUrl(), 'sk-test-check:');
    try {
      await checkRedis(redis);
      vi.advanceTimersByTime(STARTUP_CHECK_MS * 2);
      vi.useRealTimers();
      expect(redis.status).toBe('ready');
      expect(await redis.ping()).toBe('PONG');
    } finally {
      redis.disconnect();
    }
  });
});
