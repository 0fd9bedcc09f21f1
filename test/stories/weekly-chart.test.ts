import { describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { seedCampaign, seedOfficers } from '../support/officers.js';
import { sendWeeklyPings } from '../../src/services/weekly-pings.service.js';

describe("a unit's weekly chart", () => {
  const world = useWorld();

  it('is drawn and uploaded once, then sent to each of its officers by the file id Telegram gave it', async () => {
    await seedCampaign(['KCN-TL', 'CDCS-001', 'CDCS-002']);
    const officers = await seedOfficers(world().tg, world().clock, 3, 9950, ['KCN-TL']);
    const start = world().tg.calls.length;
    expect(await world().run(sendWeeklyPings)).toBe(3);

    const photos = world()
      .tg.calls.slice(start)
      .filter((c) => c.ok && c.method === 'sendPhoto');
    expect(photos).toHaveLength(6); // both charts for each
    const uploads = photos.filter((c) => typeof c.params.photo !== 'string');
    expect(uploads).toHaveLength(2);
    const charts = officers.map((o) => o.transcript.filter((m) => m.kind === 'photo'));
    expect(new Set(charts.map((m) => m.map((c) => c.file_id).join()))).toHaveProperty('size', 1);
    for (const [units, trend] of charts) {
      expect(units?.caption).toBe('Công đoàn các KCN-CX Hà Nội – 1 triệu sáng kiến');
      expect(trend?.caption).toBe('Công đoàn các KCN-CX Hà Nội – 1 triệu sáng kiến – lũy kế theo tuần');
    }
  });
});
