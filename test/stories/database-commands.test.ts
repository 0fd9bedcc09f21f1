import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../support/world.js';
import { memberOf, registerWorker } from '../support/story.js';
import { sendQuickIdea, staff } from '../support/support-team.js';
import { seedCampaign, seedOfficers } from '../support/officers.js';
import { countCommands, describeCommands, type SeenCommand } from '../support/db-commands.js';
import { handleEvent } from '../../handlers/index.js';
import { cardButtonData } from '../../src/services/cards.service.js';
import { sendWeeklyPings } from '../../src/services/weekly-pings.service.js';
import { deliverQueued, readDelivery } from '../../src/services/dispatch.service.js';
import { unitDirectory } from '../../src/services/units.service.js';
import type { InboundEvent, InboundPayload } from '../../src/core/event.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';
import { isoWeek } from '../../src/core/time.js';
import { identify } from '../../src/services/members.service.js';

// Telling other people (the card to the support team, card updates, notices) is handed to the
// follow-up and delivery workers and counted there, in "delivering one queued message". Here the
// handler's own work is counted, with those workers paused.

const DAY = 86_400_000;

/** What a person's message costs the database, handled the way every messenger's update is. */
describe('what each action costs the database, whatever the size of the campaign', () => {
  const world = useWorld(); // Monday 23/11/2026, 09:00 in Vietnam
  let lan: FakeUser;
  let n = 0;

  const from = (user: FakeUser, payload: InboundPayload): InboundEvent => ({
    channel: 'telegram',
    eventId: `counted-${++n}`,
    userId: String(user.id),
    chatId: String(user.chatId),
    chatType: 'private',
    messageId: null,
    replyToMessageId: null,
    chatTitle: null,
    profile: { name: user.info.first_name, languageCode: 'vi' },
    payload,
  });
  /**
   * Handles one message of `user` and counts the commands it sent. Read beforehand: the unit tree, and
   * who they are once (their last-seen time is written at most every 5 minutes; another story may have
   * moved the clock past that, test/unit/identify.test.ts counts that write).
   */
  const counted = async (user: FakeUser, payload: InboundPayload) => {
    await unitDirectory.current();
    await identify(
      { channel: 'telegram', externalId: String(user.id) },
      { name: user.info.first_name, chatId: String(user.chatId) },
      world().clock,
    );
    const { result, commands } = await world().withWorkersPaused(() =>
      countCommands(() => handleEvent(from(user, payload), world().deps)),
    );
    return { replies: result?.replies ?? [], notice: result?.buttonNotice, commands };
  };
  const atMost = (commands: SeenCommand[], limit: number) =>
    expect(commands.length, describeCommands(commands)).toBeLessThanOrEqual(limit);

  beforeAll(async () => {
    await seedCampaign(['HN', 'KCN-TL', 'CDCS-001', 'CDCS-002', 'CDCS-003']);
    lan = world().tg.user({ id: 9901, first_name: 'Lan' });
    await registerWorker(lan, 'CDCS-001');
  });

  it('a worker answering a question of the form: at most 3 (who they are, and the new step)', async () => {
    await counted(lan, { kind: 'command', command: 'submit', args: '' });
    for (const answer of ['Đèn cảm biến ở kho vải', 'Đèn sáng cả đêm', 'Lắp cảm biến chuyển động']) {
      const { commands } = await counted(lan, { kind: 'text', text: answer });
      atMost(commands, 3);
      // Who they are: their account read by _id (the one lookup FerretDB serves from its backend), and no write per message.
      const onAccount = commands
        .filter((c) => c.collection === 'channelaccounts')
        .map((c) => [c.name, ...c.filters.map((f) => Object.keys(f).join())]);
      expect(onAccount).toEqual([['find', '_id']]);
    }
    await counted(lan, { kind: 'command', command: 'cancel', args: '' });
  });

  it('a worker sending a quick idea ("yes, send it"): at most 8, the code included', async () => {
    const offer = await counted(lan, { kind: 'text', text: 'Thu gom vải vụn để tái chế' });
    // The offer: who they are and the new step; no search of the initiatives (is one waiting for an answer?).
    atMost(offer.commands, 3);
    expect(offer.commands.filter((c) => c.collection === 'initiatives')).toEqual([]);
    const yes = offer.replies.flatMap((r) => r.buttons?.flat() ?? []).find((b) => b.data.endsWith(':yes'))!;
    const { replies, commands } = await counted(lan, { kind: 'button', data: yes.data });
    expect(replies[0]!.parts[0]).toMatchObject({ key: 'quick-done' });
    atMost(commands, 8);
  });

  it('a support member pressing Take on a card: at most 8', async () => {
    const hung = await staff(world().tg, { id: 9902, first_name: 'Hùng' }, ['CDCS-001', 'support']);
    const code = await sendQuickIdea(lan, 'Thu gom giấy vụn để tái chế');
    const { notice, commands } = await counted(hung, { kind: 'button', data: cardButtonData(code, 'take') });
    expect(notice).toMatchObject({ key: 'support-done' });
    atMost(commands, 8);
  });

  it("anyone asking /progress of a unit: each unit's counters and the targets read once (no N+1)", async () => {
    const { replies, commands } = await counted(lan, { kind: 'command', command: 'progress', args: 'KCN-TL' });
    expect(replies[0]!.charts?.[0]).toMatchObject({ kind: 'units', bars: { length: 3 } }); // KCN-TL's three grassroots unions
    // Who they are (2), the running campaigns, the unit's counter and target, each child's counter, the children's targets.
    atMost(commands, 2 + 1 + 2 + 3 + 1);
  });

  it('the weekly ping: at most 3 more for each further officer, and at most 3 to deliver one', async () => {
    // What is queued waits, so only the job's own work is counted.
    await seedOfficers(world().tg, world().clock, 1, 9910, ['KCN-TL']);
    const one = await world().withWorkersPaused(() => countCommands(() => sendWeeklyPings(world().deps)));
    expect(one.result).toBe(1);

    world().clock.advance(7 * DAY); // the next Monday: eleven officers of the same unit
    const later = await seedOfficers(world().tg, world().clock, 10, 9920, ['KCN-TL']);
    const { eleven, delivered } = await world().withWorkersPaused(async () => {
      const eleven = await countCommands(() => sendWeeklyPings(world().deps));
      // The worker takes one ping off the queue: read it, mark it sending, mark it sent.
      const member = await memberOf(later[0]!);
      const key = `weekly:KCN-TL:${String(member!._id)}:${isoWeek(world().clock.now())}`;
      const delivered = await countCommands(async () => deliverQueued(world().deps, key, await readDelivery(key)));
      return { eleven, delivered };
    });
    expect(eleven.result).toBe(11);
    const perOfficer = (eleven.commands.length - one.commands.length) / 10;
    expect(
      perOfficer,
      `${describeCommands(one.commands)}\nthen\n${describeCommands(eleven.commands)}`,
    ).toBeLessThanOrEqual(3);
    expect(delivered.result.status).toBe('sent');
    atMost(delivered.commands, 3);
    await world().drain();
  });
});
