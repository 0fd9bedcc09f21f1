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
    expect(photos).toHaveLength(3);
    const uploads = photos.filter((c) => typeof c.params.photo !== 'string');
    expect(uploads).toHaveLength(1);
    const charts = officers.map((o) => o.transcript.find((m) => m.kind === 'photo'));
    expect(new Set(charts.map((m) => m?.file_id)).size).toBe(1);
    for (const chart of charts) expect(chart?.caption).toBe('Công đoàn các KCN-CX Hà Nội – 1 triệu sáng kiến');
  });
});
