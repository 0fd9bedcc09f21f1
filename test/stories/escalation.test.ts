import { describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { registerWorker } from '../support/story.js';
import { grant, sendQuickIdea } from '../support/support-team.js';
import { testRedisUrl } from '../support/servers.js';
import { escalateStale } from '../../src/services/notifications.service.js';
import { startJobs } from '../../jobs/index.js';
import { InitiativeModel } from '../../src/models/index.js';

describe('an initiative nobody takes in 48 hours goes up to the parent unit, once', () => {
  const world = useWorld();

  it('posts the card to the parent team with a note, tells the first team, and never twice', async () => {
    const an = world().tg.user({ id: 9301, first_name: 'An' }); // support of CDCS-001
    const binh = world().tg.user({ id: 9302, first_name: 'Bình' }); // support of KCN-TL, the parent
    for (const u of [an, binh]) await u.send('/help');
    await grant(an, 'CDCS-001', 'support');
    await grant(binh, 'KCN-TL', 'support');
    const lan = world().tg.user({ id: 9303, first_name: 'Lan' });
    await registerWorker(lan, 'CDCS-001');
    const code = await sendQuickIdea(lan, 'Tủ thuốc sơ cứu ở mỗi chuyền may');
    const cardOf = (u: typeof an) => u.transcript.filter((m) => m.plainText.includes(`📥 ${code}`));
    expect(cardOf(an)).toHaveLength(1);

    world().clock.advance(47 * 3_600_000);
    expect(await world().run(escalateStale)).toBe(0);
    world().clock.advance(2 * 3_600_000);
    expect(await world().run(escalateStale)).toBe(1);
    expect(cardOf(binh)).toHaveLength(1);
    expect(cardOf(binh)[0]!.plainText).toContain('Chuyển lên từ Công ty May Việt Tiến: chưa ai nhận xử lý sau 48 giờ');
    expect(cardOf(an)[0]!.plainText).toContain('đã chuyển lên tổ hỗ trợ của Công đoàn các KCN-CX Hà Nội');
    expect(await InitiativeModel.findOne({ code }).lean()).toMatchObject({ routedTo: 'KCN-TL' });

    world().clock.advance(72 * 3_600_000);
    expect(await world().run(escalateStale)).toBe(0);
    expect(cardOf(binh)).toHaveLength(1);

    await binh.press(cardOf(binh)[0]!, '🙋 Nhận xử lý');
    expect((await InitiativeModel.findOne({ code }).lean())!.status).toBe('in_review');
  });

  it('runs every 15 minutes on a BullMQ job scheduler that start-up upserts without duplicating', async () => {
    const prefix = `${world().deps.redis.options.keyPrefix}jobs-test:`;
    const first = await startJobs(world().deps, { url: testRedisUrl(), prefix });
    await first.stop();
    const second = await startJobs(world().deps, { url: testRedisUrl(), prefix });
    const schedulers = await second.queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.every ?? `${s.pattern} ${s.tz}`]).sort()).toEqual([
      ['cluster-rankings', '0 0 9 1 1,4,7,10 * Asia/Ho_Chi_Minh'],
      ['escalate-stale', 900_000],
      ['fold-progress', 60_000],
      ['lagging-nudges', '0 0 8 * * * Asia/Ho_Chi_Minh'],
      ['pledge-deadlines', '0 5 8 * * * Asia/Ho_Chi_Minh'],
      ['retry-deliveries', 60_000],
      ['weekly-progress', 900_000],
    ]);
    await second.queue.obliterate({ force: true });
    await second.stop();
  });
});
