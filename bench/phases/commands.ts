import { startDeliveryWorker } from '../../jobs/delivery-queue.js';
import { sendWeeklyPings } from '../../src/services/weekly-pings.service.js';
import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';
import { startWorkerProcess } from '../apps.js';
import { isSend } from '../call-watch.js';
import { startInProcessBot, type InProcessBot, type Measured } from '../in-process.js';
import { inPhaseWorld, type PhaseContext, type PhaseWorld } from '../phase-world.js';
import type { Figure, PhaseResult } from '../report.js';
import { sleep } from '../stats.js';
import { province, seedCampaign, seedOfficers, seedRegisteredPeople, seedTeamGroups, seedUnitTree } from '../seed.js';

/**
 * Database commands per action, counted by the driver's command monitoring with the bot in the bench
 * process (bench/in-process.ts). A worker process of its own delivers the cards (its commands are not counted) until the
 * weekly pings, which the bench builds and delivers itself so that both are counted.
 */

const OFFICERS = 40;
const CARD_WAIT_MS = 60_000;

type Counted = Measured | { error: string };

async function counted(bot: InProcessBot, action: () => Promise<unknown>): Promise<Counted> {
  try {
    return await bot.measure(action);
  } catch (err) {
    return { error: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
  }
}

/** The full form, as a worker answers it; returns the count of the last step (the send). */
async function fillForm(
  bot: InProcessBot,
  user: FakeUser,
  i18n: PhaseWorld['i18n'],
): Promise<{ step: Counted; send: Counted; whole: Counted }> {
  let step: Counted = { error: 'not reached' };
  let send: Counted = { error: 'not reached' };
  const whole = await counted(bot, async () => {
    await bot.say(user, '/submit');
    await bot.say(user, 'Đèn cảm biến ở kho');
    step = await counted(bot, () => bot.say(user, 'Kho tối, đèn bật cả ngày'));
    for (const answer of ['Lắp đèn cảm biến chuyển động', 'Tiết kiệm điện', '50tr', 'Toàn công ty'])
      await bot.say(user, answer);
    await bot.tap(user, 'Hiệu quả');
    await bot.say(user, 'bỏ qua');
    await bot.say(user, 'xong');
    await bot.tap(user, i18n.t('vi', 'flow-btn-no'));
    send = await counted(bot, () => bot.tap(user, i18n.t('vi', 'submit-btn-confirm')));
  });
  return { step, send, whole };
}

/** Until at least `atLeast` sends happened and then none for a second (a ping's chart follows its text). */
async function untilSendsStop(sends: () => number, atLeast: number): Promise<void> {
  const giveUpAt = Date.now() + 120_000;
  let last = -1;
  while (Date.now() < giveUpAt && (sends() < atLeast || sends() !== last)) {
    last = sends();
    await sleep(1000);
  }
}

export async function commandsPhase(ctx: PhaseContext): Promise<PhaseResult> {
  return inPhaseWorld(ctx, 'commands', { rateLimits: false, monitorCommands: true }, async (world) => {
    world.say('seeding the unit tree; the bot runs in-process, the worker as a process');
    await seedUnitTree();
    await seedCampaign();
    const bot = await startInProcessBot(world);
    try {
      const worker = world.own(await startWorkerProcess('commands-worker', world.scope, world.tg));
      const teams = await seedTeamGroups(world.tg, 900_000);
      const [author] = await seedRegisteredPeople(world, 1, 1_000_000);
      // Seeded never in quiet hours: the first weekly ping below must not depend on the hour of the run.
      const [officer] = await seedOfficers(world.tg, 1, 3_000_000, () => province(1));

      world.say('form step, full form, quick idea');
      const form = await fillForm(bot, author!, world.i18n);
      const quickOffer = await counted(bot, () => bot.say(author!, 'Lắp mái che cho khu để xe'));
      const quickSend = await counted(bot, () => bot.tap(author!, world.i18n.t('vi', 'quick-btn-send')));

      world.say('Take on a card, /progress of a province');
      const takeLabel = world.i18n.t('vi', 'card-btn-take');
      const team = teams[0]!; // the author's union is in province 1
      const cardShown = () =>
        team.group.transcript.some((m) => m.inlineButtons.flat().some((b) => b.text === takeLabel));
      const hasCard =
        cardShown() ||
        (await world.watch.next(
          team.group.id,
          (c) => JSON.stringify(c.params.reply_markup ?? '').includes(takeLabel),
          Date.now() + CARD_WAIT_MS,
        ));
      const take = hasCard
        ? await counted(bot, () => bot.tap(team.lead, takeLabel, () => team.group.pressLatest(team.lead, takeLabel)))
        : { error: 'no card reached the team group' };
      const progress = await counted(bot, () => bot.say(officer!, `/progress ${province(1)}`));

      // From here the bench builds and delivers the pings: the worker must not send them first.
      await worker.stop();
      // The first officer of a province pays for the province's numbers; each further officer should add little.
      world.say(`weekly ping: the first officer of a province, then ${OFFICERS} officers of another; delivering them`);
      let queued = 0;
      const firstPing = await counted(bot, async () => (queued += await sendWeeklyPings(bot.app.deps)));
      await seedOfficers(world.tg, OFFICERS, 4_000_000, () => province(2));
      const morePings = await counted(bot, async () => (queued += await sendWeeklyPings(bot.app.deps)));
      const furtherPing: Counted =
        'error' in firstPing
          ? firstPing
          : 'error' in morePings
            ? morePings
            : { ...morePings, commands: (morePings.commands - firstPing.commands) / (OFFICERS - 1) };
      const sends = () => world.tg.calls.filter(isSend).length;
      const sendsBefore = sends();
      const deliveries = startDeliveryWorker(bot.app.deps, {
        url: world.scope.redisUrl,
        prefix: world.scope.redisPrefix,
      });
      const delivery = await counted(bot, () => untilSendsStop(sends, sendsBefore + queued)).finally(() =>
        deliveries.close(),
      );
      const delivered = sends() - sendsBefore;

      const p = 'db commands';
      const figure = (name: string, c: Counted, per: number, goal?: number): Figure => ({
        phase: p,
        name,
        value: 'error' in c ? null : c.commands / per,
        unit: 'commands',
        ...(goal === undefined ? {} : { goal: { atMost: goal } }),
        ...('error' in c ? { note: c.error } : per > 1 ? { note: `${c.commands} for ${per}` } : { note: `${c.ms} ms` }),
      });
      const figures = [
        figure('form step (one answer)', form.step, 1, 3),
        figure('quick idea: the offer', quickOffer, 1),
        figure('quick idea: "send" (tap → code)', quickSend, 1, 8),
        figure('full form: "send"', form.send, 1),
        figure('full form: /submit to code, all steps', form.whole, 1),
        figure('Take on a card', take, 1, 8),
        figure(`/progress of a province`, progress, 1),
        figure('weekly ping: the first officer of a province', firstPing, 1),
        figure(`weekly ping: each further officer (${OFFICERS} of one province)`, furtherPing, 1, 3),
        figure(
          `delivering one queued message (${queued} queued, ${delivered} sends)`,
          delivery,
          Math.max(1, queued),
          3,
        ),
      ];
      const details = {
        formStep: form.step,
        formSend: form.send,
        formWhole: form.whole,
        quickOffer,
        quickSend,
        take,
        progress,
        firstPing,
        morePings,
        delivery,
        officers: OFFICERS,
        queued,
        delivered,
      };
      return { phase: p, figures, integrityFailures: [], details };
    } finally {
      await bot.stop();
    }
  });
}
