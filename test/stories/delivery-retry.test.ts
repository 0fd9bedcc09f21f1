import { describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { registerWorker } from '../support/story.js';
import { grant, sendQuickIdea } from '../support/support-team.js';
import { retryDeliveries } from '../../jobs/retry-deliveries.job.js';
import { DeliveryModel } from '../../src/models/index.js';

describe('a card that Telegram would not take right now is delivered later, once', () => {
  const world = useWorld();

  it('keeps it pending through a long 429 and sends it on the next retry run, never twice', async () => {
    const dung = world().tg.user({ id: 9501, first_name: 'Dũng' });
    await dung.send('/help');
    await grant(dung, 'CDCS-002', 'support');
    const nam = world().tg.user({ id: 9502, first_name: 'Nam' });
    await registerWorker(nam, 'CDCS-002');

    // Longer than the bot waits inline (10 s), so the card stays pending instead of holding up the worker.
    world().tg.failNext({ method: 'sendMessage', code: 429, retryAfter: 30, chatId: dung.chatId });
    const code = await sendQuickIdea(nam, 'Gắn bánh xe cho thùng dụng cụ');
    const cards = () => dung.transcript.filter((m) => m.plainText.startsWith(`📥 ${code}`));
    expect(cards()).toHaveLength(0);
    expect(await DeliveryModel.findOne({ key: { $regex: `^card:${code}` } }).lean()).toMatchObject({ status: 'pending', attempts: 1 });

    expect(await retryDeliveries(world().deps)).toBe(0); // not a minute yet
    world().clock.advance(61_000);
    expect(await retryDeliveries(world().deps)).toBe(1);
    expect(cards()).toHaveLength(1);
    world().clock.advance(61_000);
    expect(await retryDeliveries(world().deps)).toBe(0);
    expect(cards()).toHaveLength(1);
  });
});
