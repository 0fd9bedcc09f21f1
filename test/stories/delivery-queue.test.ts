import { beforeEach, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { registerWorker, lastText } from '../support/story.js';
import { grant, sendQuickIdea } from '../support/support-team.js';
import { seedCampaign, seedOfficers } from '../support/officers.js';
import { retryDeliveries, enqueue, type Outgoing } from '../../src/services/delivery.service.js';
import { sendWeeklyPings } from '../../src/services/weekly-pings.service.js';
import { ChannelAccountModel, DeliveryModel } from '../../src/models/index.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';
import { holders, toEach } from '../../src/services/recipients.service.js';
import { msg } from '../../src/core/i18n.js';
import { Worker } from 'bullmq';
import { bullOptions, DELIVERY_QUEUE, jobIdOf } from '../../jobs/delivery-queue.js';
import { testRedisUrl } from '../support/servers.js';

const UNITS = ['CDCS-001', 'CDCS-002', 'CDCS-003'];
const pingsOf = (u: FakeUser) => u.transcript.filter((m) => m.plainText.includes('Báo cáo tiến độ tuần 2026-W48'));

/** Per chat, the messages went out in the order their deliveries were queued. */
async function expectQueueOrderPerChat(): Promise<void> {
  const sent = await DeliveryModel.find({ status: 'sent', key: /^weekly:/ })
    .sort({ queuedAt: 1, _id: 1 })
    .lean();
  const byChat = new Map<string, number[]>();
  for (const d of sent) byChat.set(d.chatId, [...(byChat.get(d.chatId) ?? []), Number(d.sentMessageIds[0])]);
  for (const ids of byChat.values()) expect(ids).toEqual([...ids].sort((a, b) => a - b));
}

describe('a card that Telegram would not take right now is delivered later, once', () => {
  const world = useWorld();

  it('waits out a long 429 on the delivery queue and sends the card once', async () => {
    const dung = world().tg.user({ id: 9501, first_name: 'Dũng' });
    await dung.send('/help');
    await grant(dung, 'CDCS-002', 'support');
    const nam = world().tg.user({ id: 9502, first_name: 'Nam' });
    await registerWorker(nam, 'CDCS-002');

    // Longer than the delivery worker waits inline (10 s): the card goes back to the queue for 90 s (4.5 s
    // of the story's accelerated time, longer than a loaded machine takes to answer the worker).
    world().tg.failNext({ method: 'sendMessage', code: 429, retryAfter: 90, chatId: dung.chatId });
    const code = await sendQuickIdea(nam, 'Gắn bánh xe cho thùng dụng cụ');
    const cards = () => dung.transcript.filter((m) => m.plainText.startsWith(`📥 ${code}`));
    expect(cards()).toHaveLength(1);
    expect(await DeliveryModel.findOne({ key: { $regex: `^card:${code}` } }).lean()).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
    // The worker had their code first: the card's wait never held up their answer.
    const sent = world().tg.calls.filter((c) => c.method === 'sendMessage' && c.ok);
    const codeSent = sent.findIndex(
      (c) => Number(c.params.chat_id) === nam.chatId && String(c.params.text).includes(code),
    );
    const cardSent = sent.findIndex(
      (c) => Number(c.params.chat_id) === dung.chatId && String(c.params.text).includes(code),
    );
    expect(codeSent).toBeGreaterThan(-1);
    expect(codeSent).toBeLessThan(cardSent);
  });
});

describe('weekly pings fan out through the delivery queue', () => {
  const world = useWorld({}, { each: true });
  beforeEach(() => seedCampaign(UNITS));

  it('survives a Redis flush: what MongoDB holds as pending is queued again, what was sent is never resent', async () => {
    const officers = await seedOfficers(world().tg, world().clock, 6, 9600, UNITS);
    await world().deliveryWorker.pause();
    expect(await sendWeeklyPings(world().deps)).toBe(18);
    await world().deliveries.obliterate({ force: true }); // Redis lost the queue before the worker got to it
    void world().deliveryWorker.resume();
    expect(officers.flatMap(pingsOf)).toHaveLength(0);

    expect(await world().run(retryDeliveries)).toBe(0); // pending for less than a minute: maybe still queued
    world().clock.advance(61_000);
    expect(await world().run(retryDeliveries)).toBe(18);
    for (const o of officers) expect(pingsOf(o)).toHaveLength(3);

    // Flushed again, and the scheduler fires again: nothing goes out twice.
    await world().deliveries.obliterate({ force: true });
    expect(await world().run(sendWeeklyPings)).toBe(0);
    world().clock.advance(61_000);
    expect(await world().run(retryDeliveries)).toBe(0);
    for (const o of officers) expect(pingsOf(o)).toHaveLength(3);
  });

  it('never resends a message whose sending was interrupted (the process died mid-call), and says so', async () => {
    const [officer] = await seedOfficers(world().tg, world().clock, 1, 9640, ['CDCS-002']);
    await world().deliveryWorker.pause();
    world().clock.advance(7 * 86_400_000);
    await sendWeeklyPings(world().deps);
    const updated = await DeliveryModel.updateOne({ chatId: String(officer!.chatId) }, { $set: { status: 'sending' } }); // as a killed worker leaves it
    expect(updated.modifiedCount).toBe(1);
    void world().deliveryWorker.resume();
    await world().drain();
    expect(officer!.transcript.filter((m) => m.plainText.includes('Báo cáo tiến độ tuần'))).toHaveLength(0);
    expect(await DeliveryModel.findOne({ chatId: String(officer!.chatId) }).lean()).toMatchObject({
      status: 'failed',
      lastError: 'interrupted while sending',
    });
    world().clock.advance(7 * 86_400_000);
    await world().run(sendWeeklyPings); // the next week is not affected
    expect(officer!.transcript.filter((m) => m.plainText.includes('Báo cáo tiến độ tuần'))).toHaveLength(1);
  });

  it('tells the unit once when an officer has blocked the bot, and stops writing to them', async () => {
    const [blocked] = await seedOfficers(world().tg, world().clock, 1, 9650, ['CDCS-001']);
    const [colleague] = await seedOfficers(world().tg, world().clock, 1, 9651, ['CDCS-001']);
    world().tg.block(blocked!.id);
    world().clock.advance(7 * 86_400_000); // next Monday: a new week's pings
    await world().run(sendWeeklyPings);
    const told = () =>
      colleague!.transcript.filter((m) => m.plainText.includes('Không gửi được tin nhắc của bot cho Cán bộ 1'));
    expect(told()).toHaveLength(1);
    expect(
      (await ChannelAccountModel.findOne({ externalId: String(blocked!.id) }).lean())!.unreachableAt,
    ).not.toBeNull();

    world().clock.advance(7 * 86_400_000);
    await world().run(sendWeeklyPings);
    expect(told()).toHaveLength(1);
    expect(await DeliveryModel.countDocuments({ chatId: String(blocked!.chatId), status: 'failed' })).toBe(1);
  });
  it('lets a reminder for someone in their quiet hours wait for the morning, then sends it once', async () => {
    world().clock.set('2027-01-04T02:00:00Z'); // 09:00 in Vietnam
    const [lam] = await seedOfficers(world().tg, world().clock, 1, 9660, ['HN']);
    await lam!.send('/quiet 8-10');
    expect(lastText(lam!)).toContain('Từ 8:00 đến 10:00 (giờ Việt Nam) bot không gửi nhắc nhở');
    const reminder = { parts: [msg('pledge-see')] };
    expect(await enqueue(world().deps, toEach(await holders('HN', ['officer']), 'quiet-test', reminder))).toBe(1);
    await world().drain();
    const got = () => lam!.transcript.filter((m) => m.plainText === 'Xem: /pledges');
    expect(got()).toHaveLength(0);

    world().clock.advance(30 * 60_000); // 09:30: still quiet
    expect(await world().run(retryDeliveries)).toBe(0);
    world().clock.advance(31 * 60_000); // 10:01
    expect(await world().run(retryDeliveries)).toBe(1);
    expect(got()).toHaveLength(1);
    world().clock.advance(61_000);
    expect(await world().run(retryDeliveries)).toBe(0);
  });

  it('unblocks a chat whose first deliveries will never be sent by their jobs, and closes the one a dead worker left sending', async () => {
    const [officer] = await seedOfficers(world().tg, world().clock, 1, 9670, ['HN']);
    const notice = (n: number): Outgoing => ({
      key: `lane-test:${n}`,
      channel: 'telegram',
      chatId: String(officer!.chatId),
      locale: 'vi',
      kind: 'notice',
      reply: { parts: [msg('member-unreachable', { name: `Người ${n}`, unit: 'HN' })] },
    });
    await world().deliveryWorker.pause();
    expect(await enqueue(world().deps, [1, 2, 3, 4].map(notice))).toBe(4);

    // 1: its job ended without leaving the chat's lane (a worker that finished it and kept it as completed).
    const other = new Worker(DELIVERY_QUEUE, null, {
      ...bullOptions({ url: testRedisUrl(), prefix: world().redisPrefix }),
      autorun: false,
    });
    const first = await other.getNextJob('other-worker');
    expect(first.id).toBe(jobIdOf('lane-test:1'));
    first.opts.removeOnComplete = false;
    await first.moveToCompleted('sent', 'other-worker', false);
    await other.close();
    await DeliveryModel.updateOne({ _id: 'lane-test:1' }, { $set: { status: 'sent' } });
    // 2: a worker died while sending it and its job was given up (stalled too often): no job, still `sending`.
    await world().deliveries.remove(jobIdOf('lane-test:2'));
    await DeliveryModel.updateOne(
      { _id: 'lane-test:2' },
      { $set: { status: 'sending', lastAttemptAt: world().clock.now() } },
    );

    void world().deliveryWorker.resume();
    await world().drain();
    const got = () => officer!.transcript.map((m) => /Người (\d)/.exec(m.plainText)?.[1]).filter(Boolean);
    expect(got()).toEqual(['3', '4']);

    world().clock.advance(61_000);
    expect(await world().run(retryDeliveries)).toBe(1);
    expect(await DeliveryModel.findById('lane-test:2').lean()).toMatchObject({
      status: 'failed',
      lastError: 'interrupted while sending',
    });
    expect(got()).toEqual(['3', '4']);
  });
});

describe('a 429 storm from Telegram', () => {
  // Far stricter than Telegram: the bot's own pacing (30/s, a private chat's short bursts) trips it again and again.
  const world = useWorld({
    fake: { rateLimits: { globalPerSecond: 2, privatePerSecond: 0.25, privateBurst: 1, groupPerMinute: 20 } },
  });

  it('still delivers every ping, once, in order per chat', async () => {
    await seedCampaign(UNITS);
    const officers = await seedOfficers(world().tg, world().clock, 12, 9700, UNITS);
    expect(await world().run(sendWeeklyPings)).toBe(36);
    // The storm happened (how many 429s depends on the machine's speed), and nothing was lost to it.
    expect(world().tg.calls.filter((c) => c.method === 'sendMessage' && c.errorCode === 429).length).toBeGreaterThan(0);
    for (const o of officers) {
      expect(pingsOf(o)).toHaveLength(3);
      expect(new Set(pingsOf(o).map((m) => m.plainText)).size).toBe(3);
    }
    await expectQueueOrderPerChat();
  });
});
