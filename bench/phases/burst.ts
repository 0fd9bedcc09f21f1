import { InitiativeModel } from '../../src/models/index.js';
import { DEFAULT_RATE_LIMITS, type FakeUser } from '../../src/playground/fakes/telegram-server.js';
import { startBot, startWorkerProcess, type InboundMode } from '../apps.js';
import { textOf, toastKey } from '../call-watch.js';
import { inPhaseWorld, type PhaseContext, type PhaseWorld } from '../phase-world.js';
import type { Figure, PhaseResult } from '../report.js';
import { seedCampaign, seedRegisteredPeople, seedTeamGroups, seedUnitTree } from '../seed.js';
import { sleep, summarize } from '../stats.js';

/**
 * The deadline burst: registered people each send one quick idea at a random moment of the window,
 * wait for the bot's offer, and press "send". The bot and the worker are processes of their own, at
 * Telegram's real limits, with each province's support team in a group receiving cards.
 */

const CODE = /SK-\d{4}-\d{6}/;
/** After the last code, how long duplicates (a second code, a second initiative) still have to show up. */
const SETTLE_MS = 3000;

interface PersonOutcome {
  offerMs: number;
  codeMs: number;
  toastMs: number;
  error?: string;
}

/** One person: waits their moment, sends the idea, waits for the offer, presses send; times each answer. */
async function sendOneIdea(
  world: PhaseWorld,
  user: FakeUser,
  startAfterMs: number,
  deadline: number,
): Promise<PersonOutcome> {
  const sendLabel = world.i18n.t('vi', 'quick-btn-send');
  await sleep(startAfterMs);
  const sentAt = Date.now();
  const offer = world.watch.next(
    user.chatId,
    (c) => JSON.stringify(c.params.reply_markup ?? '').includes(sendLabel),
    deadline,
  );
  // Resolves when the fake saw the update handled; errors (a stopped fake) are the outcome's, not the bench's.
  user.send(`Ý tưởng nhanh của ${user.info.first_name}: lắp đèn cảm biến ở kho ${startAfterMs}`).catch(() => undefined);
  const offered = await offer;
  if (!offered) return { offerMs: Infinity, codeMs: Infinity, toastMs: Infinity, error: 'no offer' };
  const pressedAt = Date.now();
  const code = world.watch.next(user.chatId, (c) => CODE.test(textOf(c)), deadline);
  const toast = world.watch.next(toastKey(user.id), () => true, deadline);
  let pressError: string | undefined;
  user.pressLatest(sendLabel).catch((err: unknown) => (pressError = String(err)));
  const [coded, toasted] = await Promise.all([code, toast]);
  return {
    offerMs: offered.at - sentAt,
    codeMs: coded ? coded.at - pressedAt : Infinity,
    toastMs: toasted ? toasted.at - pressedAt : Infinity,
    ...(pressError ? { error: pressError } : {}),
  };
}

/** People without a code (lost), people who read two codes, people who own two initiatives. */
async function integrityOf(
  world: PhaseWorld,
  people: FakeUser[],
): Promise<{ lost: number; twoCodes: number; twoInitiatives: number }> {
  let lost = 0;
  let twoCodes = 0;
  for (const user of people) {
    const codes = world.tg.botMessages(user.chatId).filter((m) => CODE.test(m.plainText)).length;
    if (codes === 0) lost++;
    if (codes > 1) twoCodes++;
  }
  const perAuthor = new Map<string, number>();
  for (const i of await InitiativeModel.find({}, { authorId: 1 }).lean())
    perAuthor.set(String(i.authorId), (perAuthor.get(String(i.authorId)) ?? 0) + 1);
  const twoInitiatives = [...perAuthor.values()].filter((n) => n > 1).length;
  return { lost, twoCodes, twoInitiatives };
}

export function burstPhase(mode: InboundMode) {
  return (ctx: PhaseContext): Promise<PhaseResult> =>
    inPhaseWorld(ctx, `burst-${mode}`, { rateLimits: DEFAULT_RATE_LIMITS }, async (world) => {
      const { people: count, burstWindowS, burstDrainS } = ctx.flags;
      world.say('seeding the 10,521-unit tree and a campaign');
      await seedUnitTree();
      await seedCampaign();
      // Started together to save time; if one fails, run.ts stops the other.
      const [bot, worker] = await Promise.all([
        startBot(`burst-${mode}-bot`, world.scope, world.tg, mode),
        startWorkerProcess(`burst-${mode}-worker`, world.scope, world.tg),
      ]);
      world.own(bot);
      world.own(worker);
      world.say(
        `bot (pid ${bot.pid}, ${mode}) and worker (pid ${worker.pid}) up; linking 20 team groups, registering ${count} people`,
      );
      await seedTeamGroups(world.tg, 900_000);
      const people = await seedRegisteredPeople(world, count, 1_000_000);

      world.say(
        `${count} people send a quick idea within ${burstWindowS} s, then press send (waiting up to ${burstDrainS} s more)`,
      );
      const cpuBefore = { bot: bot.cpuMs(), worker: worker.cpuMs(), database: ctx.servers.databaseCpuMs() };
      const start = Date.now();
      const deadline = start + (burstWindowS + burstDrainS) * 1000;
      let done = 0;
      const progress = setInterval(
        () => world.say(`${done}/${count} people have their code after ${Math.round((Date.now() - start) / 1000)} s`),
        15_000,
      );
      const outcomes = await Promise.all(
        people.map((user) =>
          sendOneIdea(world, user, Math.random() * burstWindowS * 1000, deadline).finally(() => done++),
        ),
      ).finally(() => clearInterval(progress));
      const lastCodeS = (Date.now() - start) / 1000;
      await sleep(SETTLE_MS);
      const databaseCpu = ctx.servers.databaseCpuMs();
      const cpuMs = {
        bot: bot.cpuMs() - cpuBefore.bot,
        worker: worker.cpuMs() - cpuBefore.worker,
        database: databaseCpu === null || cpuBefore.database === null ? null : databaseCpu - cpuBefore.database,
      };
      const rss = { bot: bot.peakRssMiB(), worker: worker.peakRssMiB() };
      const integrity = await integrityOf(world, people);
      const offer = summarize(outcomes.map((o) => o.offerMs));
      const code = summarize(outcomes.map((o) => o.codeMs));
      const toast = summarize(outcomes.map((o) => o.toastMs));
      const errors = outcomes.flatMap((o) => (o.error ? [o.error] : []));
      const lateToasts = outcomes.filter((o) => o.toastMs > 15_000).length;
      const p95 = code.p95 === Infinity ? 'not within the wait' : `${(code.p95 / 1000).toFixed(1)} s`;
      world.say(
        `done in ${lastCodeS.toFixed(0)} s: code p95 ${p95}, without a code ${integrity.lost}, duplicated ${integrity.twoCodes}/${integrity.twoInitiatives}`,
      );

      const p = `burst (${mode})`;
      const s = (ms: number) => ms / 1000;
      const figures: Figure[] = [
        {
          phase: p,
          name: `offer latency p50 (message → offer), ${count} people in ${burstWindowS} s`,
          value: s(offer.p50),
          unit: 's',
        },
        { phase: p, name: 'offer latency p95', value: s(offer.p95), unit: 's', goal: { atMost: 2 } },
        { phase: p, name: 'code latency p50 (tap → code)', value: s(code.p50), unit: 's' },
        { phase: p, name: 'code latency p95', value: s(code.p95), unit: 's', goal: { atMost: 2 } },
        {
          phase: p,
          name: 'button toast p99 (tap → answerCallbackQuery)',
          value: s(toast.p99),
          unit: 's',
          goal: { atMost: 1 },
          note: `${lateToasts} later than 15 s`,
        },
        {
          phase: p,
          name: 'lost (no code by the end of the wait)',
          value: integrity.lost,
          unit: 'count',
          goal: { atMost: 0 },
          note: `waited ${burstDrainS} s after the window`,
        },
        {
          phase: p,
          name: 'duplicated (two codes / two initiatives)',
          value: Math.max(integrity.twoCodes, integrity.twoInitiatives),
          unit: 'count',
          goal: { atMost: 0 },
          note: `${integrity.twoCodes} / ${integrity.twoInitiatives}`,
        },
        {
          phase: p,
          name: 'bot CPU per person (idea + tap)',
          value: cpuMs.bot / count,
          unit: 'ms',
          note: `worker ${(cpuMs.worker / count).toFixed(1)} ms`,
        },
        {
          phase: p,
          name: 'database server CPU per person',
          value: cpuMs.database === null ? null : cpuMs.database / count,
          unit: 'ms',
          note: ctx.servers.database,
        },
        { phase: p, name: 'peak RSS, bot process', value: rss.bot, unit: 'MiB', goal: { atMost: 150 } },
        { phase: p, name: 'peak RSS, worker process', value: rss.worker, unit: 'MiB', goal: { atMost: 150 } },
      ];
      const integrityFailures = [
        ...(integrity.lost > 0 ? [`${p}: ${integrity.lost} of ${count} people got no code`] : []),
        ...(integrity.twoCodes + integrity.twoInitiatives > 0
          ? [
              `${p}: duplicates: ${integrity.twoCodes} people read two codes, ${integrity.twoInitiatives} own two initiatives`,
            ]
          : []),
      ];
      return {
        phase: p,
        figures,
        integrityFailures,
        details: {
          mode,
          people: count,
          windowS: burstWindowS,
          drainS: burstDrainS,
          lastCodeS,
          offerMs: offer,
          codeMs: code,
          toastMs: toast,
          lateToasts,
          integrity,
          cpuMs,
          peakRssMiB: rss,
          slowCommands: { bot: bot.slowestCommands(), worker: worker.slowestCommands() },
          errors: errors.slice(0, 20),
          errorCount: errors.length,
        },
      };
    });
}
