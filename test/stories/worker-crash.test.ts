import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { seedCampaign, seedOfficers } from '../support/officers.js';
import { testRedisUrl } from '../support/servers.js';
import { freePort } from '../support/net.js';
import { sendWeeklyPings } from '../../src/services/weekly-pings.service.js';
import { DeliveryModel, MemberModel } from '../../src/models/index.js';
import { DELIVERY_CONCURRENCY } from '../../jobs/delivery-queue.js';
import type { ApiCall, FakeUser } from '../../src/playground/fakes/telegram-server.js';

const WEEK = 'Báo cáo tiến độ tuần 2026-W48';
const isPing = (c: ApiCall) => c.method === 'sendMessage' && String(c.params.text ?? '').includes(WEEK);

describe('a worker process killed in the middle of a fan-out', () => {
  const world = useWorld();

  it('is restarted and finishes it: every ping arrives, none twice', async () => {
    await seedCampaign(['CDCS-001', 'CDCS-002', 'CDCS-003']);
    const officers: FakeUser[] = await seedOfficers(world().tg, world().clock, 10, 9800, [
      'CDCS-001',
      'CDCS-002',
      'CDCS-003',
    ]);
    // The worker processes send on the real clock: the officers' quiet hour is set away from it (and
    // from the world's 09:00), so the story does not depend on the time of day it runs at.
    const from = (new Date().getUTCHours() + 7) % 24 === 3 ? 15 : 3;
    await MemberModel.updateMany({ 'roles.role': 'officer' }, { $set: { quiet: { from, to: (from + 1) % 24 } } });
    await world().deliveryWorker.pause(); // the worker processes below do the sending
    expect(await sendWeeklyPings(world().deps)).toBe(30);

    const { tg } = world();
    const env = {
      ...process.env,
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      MONGODB_URI: world().mongoUri,
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: world().redisPrefix,
      PORT: String(await freePort()),
      ENV_FILE: '',
      LOG_LEVEL: 'error',
    };
    const startWorker = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
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
    const ofTheWeek = { key: /^weekly:.*:2026-W48$/ };
    try {
      // Every delivery ends sent, or closed as interrupted: those the dead worker had marked `sending`
      // (several at once, as the worker sends to many chats) are never sent again, because Telegram may
      // already show them. The restarted worker finds their jobs stalled and closes them.
      await expect
        .poll(() => DeliveryModel.countDocuments({ ...ofTheWeek, status: { $in: ['pending', 'sending'] } }), {
          timeout: 60_000,
          interval: 200,
        })
        .toBe(0);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
    const failed = await DeliveryModel.find({ ...ofTheWeek, status: 'failed' }).lean();
    expect(failed.every((d) => d.lastError === 'interrupted while sending')).toBe(true);
    expect(failed.length).toBeLessThanOrEqual(DELIVERY_CONCURRENCY);
    const sent = await DeliveryModel.find({ ...ofTheWeek, status: 'sent' }).lean();
    expect(sent.length + failed.length).toBe(30);
    // Nobody got a ping twice, and every ping recorded as sent reached its officer.
    for (const o of officers) {
      const pings = o.transcript.filter((m) => m.plainText.includes(WEEK));
      expect(new Set(pings.map((m) => m.plainText)).size).toBe(pings.length);
      expect(pings.length).toBeGreaterThanOrEqual(sent.filter((d) => d.chatId === String(o.chatId)).length);
    }
  }, 90_000); // two worker processes start one after the other: slow on a busy machine
});
