import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { seedCampaign, seedOfficers } from '../support/officers.js';
import { testRedisUrl } from '../support/servers.js';
import { sendWeeklyPings } from '../../jobs/weekly-progress.job.js';
import { DeliveryModel } from '../../src/models/index.js';
import type { ApiCall, FakeUser } from '../fakes/telegram-server.js';

const WEEK = 'Báo cáo tiến độ tuần 2026-W48';
const isPing = (c: ApiCall) => c.method === 'sendMessage' && String(c.params.text ?? '').includes(WEEK);

describe('a worker process killed in the middle of a fan-out', () => {
  const world = useWorld();

  it('is restarted and finishes it: every ping arrives, none twice', async () => {
    await seedCampaign(['CDCS-001', 'CDCS-002', 'CDCS-003']);
    const officers: FakeUser[] = await seedOfficers(world().tg, world().clock, 10, 9800, ['CDCS-001', 'CDCS-002', 'CDCS-003']);
    // The worker processes below send on the real clock: with quiet hours off, the hour this test runs at
    // (21:00-07:00 in Vietnam would hold every ping back) does not matter.
    for (const o of officers) await o.send('/quiet off');
    await world().deliveryWorker.pause(); // the worker processes below do the sending
    expect(await sendWeeklyPings(world().deps)).toBe(30);

    const { tg } = world();
    const env = { ...process.env, TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, MONGODB_URI: world().mongoUri, REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: world().redisPrefix, LOG_LEVEL: 'error' };
    const startWorker = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
      return { child, exited: new Promise<void>((resolve) => child.once('exit', () => resolve())) };
    };

    // The worker processes run the schedulers too, on the real clock: whatever week that is, only this
    // test's week (2026-W48, from the world's clock) is counted.
    const first = startWorker();
    let seen = 0;
    // Killed the moment Telegram has the 10th ping, before the worker hears back.
    await tg.waitForCall((c) => {
      if (!isPing(c) || ++seen !== 10) return false;
      first.child.kill('SIGKILL');
      return true;
    }, 60_000);
    await first.exited;
    const beforeRestart = tg.calls.filter(isPing).length;
    expect(beforeRestart).toBeLessThan(30);

    const second = startWorker();
    try {
      await expect.poll(() => tg.calls.filter((c) => isPing(c) && c.ok).length, { timeout: 60_000, interval: 100 }).toBe(30);
      await expect.poll(() => DeliveryModel.countDocuments({ key: /^weekly:.*:2026-W48$/, status: 'pending' }), { timeout: 10_000, interval: 200 }).toBe(0);
      // The one in flight at the kill stays `sending` until BullMQ finds its job stalled; then it is
      // closed without resending, because Telegram may already have shown it.
      expect(await DeliveryModel.countDocuments({ key: /^weekly:.*:2026-W48$/, status: 'sending' })).toBeLessThanOrEqual(1);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
    for (const o of officers) {
      const pings = o.transcript.filter((m) => m.plainText.includes(WEEK));
      expect(pings).toHaveLength(3);
      expect(new Set(pings.map((m) => m.plainText)).size).toBe(3);
    }
  });
});
