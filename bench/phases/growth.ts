import { foldProgress } from '../../src/services/progress-fold.service.js';
import { catchUpSequence } from '../../src/services/reference-codes.js';
import { vietnamYear } from '../../src/core/time.js';
import { sendWeeklyPings } from '../../src/services/weekly-pings.service.js';
import { insertInitiatives, newTally, writeCounters } from '../bulk-initiatives.js';
import { startInProcessBot, type InProcessBot, type Measured } from '../in-process.js';
import { inPhaseWorld, type PhaseContext, type PhaseWorld } from '../phase-world.js';
import type { Figure, PhaseResult } from '../report.js';
import { seedCampaign, seedOfficers, seedRegisteredPeople, seedUnitTree } from '../seed.js';
import { sleep } from '../stats.js';

/**
 * Costs that must not grow with the campaign: one submission, one fold of its progress entries, the
 * root unit's report and building a weekly ping, timed (and their commands counted) at each size of
 * seeded initiatives. The bot runs in-process, as for the command counts.
 */

const ACTIONS = ['submission', 'fold', 'root report', 'weekly ping build'] as const;
type Action = (typeof ACTIONS)[number];
type Outcome = Measured | { error: string };
/** The bot paces one chat to a message a second with a burst of 3; a pause refills the burst, so the pace is not timed. */
const REFILL_MS = 3000;

/** The action's outcome within the timeout, and the action itself, which goes on after a timeout. */
async function timed(
  bot: InProcessBot,
  timeoutS: number,
  action: () => Promise<unknown>,
): Promise<{ outcome: Outcome; finished: Promise<unknown> }> {
  await sleep(REFILL_MS);
  const timeout = sleep(timeoutS * 1000).then((): Outcome => ({ error: `timed out after ${timeoutS} s` }));
  const measured = bot.measure(action).catch((err: unknown): Outcome => ({ error: String(err).split('\n')[0]! }));
  return { outcome: await Promise.race([measured, timeout]), finished: measured };
}

async function warmUp(world: PhaseWorld, bot: InProcessBot): Promise<void> {
  const [author] = await seedRegisteredPeople(world, 1, 5_999_999);
  await bot.say(author!, 'Ý tưởng khởi động');
  await bot.tap(author!, world.i18n.t('vi', 'quick-btn-send'));
  // The first fold on a Redis that never listed the pending entries lists them from MongoDB (a scan, once
  // per loss of Redis): here, not in the first size's fold.
  await foldProgress(bot.app.deps);
}

/** One round of the four actions at a size: a fresh author and root officer (`run` keeps their ids apart). */
async function measureOnce(
  world: PhaseWorld,
  bot: InProcessBot,
  size: number,
  run: number,
  timeoutS: number,
): Promise<Record<Action, Outcome>> {
  const [author] = await seedRegisteredPeople(world, 1, 6_000_000 + size + run);
  // A fresh officer of the root each time: earlier ones already had this week's ping.
  const [rootOfficer] = await seedOfficers(world.tg, 1, 7_000_000 + size + run, () => 'VN');
  await bot.say(author!, 'Lắp thêm quạt cho xưởng may');
  const actions: Record<Action, () => Promise<unknown>> = {
    submission: () => bot.tap(author!, world.i18n.t('vi', 'quick-btn-send')),
    fold: () => foldProgress(bot.app.deps),
    'root report': () => bot.say(rootOfficer!, '/progress VN'),
    'weekly ping build': () => sendWeeklyPings(bot.app.deps),
  };
  const outcomes = {} as Record<Action, Outcome>;
  let stillRunning: Action | undefined;
  for (const action of ACTIONS) {
    if (stillRunning) {
      outcomes[action] = { error: `not run: ${stillRunning} was still running` };
      continue;
    }
    const { outcome, finished } = await timed(bot, timeoutS, actions[action]);
    outcomes[action] = outcome;
    // A timed-out action goes on; the next one waits for it (up to another timeout) rather than compete for the database.
    const done =
      'error' in outcome && outcome.error.startsWith('timed out')
        ? await Promise.race([finished.then(() => true), sleep(timeoutS * 1000).then(() => false)])
        : true;
    if (!done) stillRunning = action;
  }
  return outcomes;
}

/**
 * Each action `runs` times at the size; the run with the median time stands for it (one run of a
 * 50 ms action on a shared machine varies by more than the goal's ×1.5). Any failed run is reported.
 */
async function measureAtSize(
  world: PhaseWorld,
  bot: InProcessBot,
  size: number,
  flags: { growthRuns: number; growthTimeoutS: number },
): Promise<Record<Action, Outcome>> {
  const rounds: Record<Action, Outcome>[] = [];
  for (let run = 0; run < flags.growthRuns; run++)
    rounds.push(await measureOnce(world, bot, size, run, flags.growthTimeoutS));
  const median = {} as Record<Action, Outcome>;
  for (const action of ACTIONS) {
    const outcomes = rounds.map((r) => r[action]);
    const failed = outcomes.find((o) => 'error' in o);
    const measured = outcomes.filter((o): o is Measured => !('error' in o)).sort((a, b) => a.ms - b.ms);
    median[action] = failed ?? measured[Math.floor(measured.length / 2)]!;
  }
  return median;
}

export async function growthPhase(ctx: PhaseContext): Promise<PhaseResult> {
  return inPhaseWorld(ctx, 'growth', { rateLimits: false, monitorCommands: true }, async (world) => {
    await seedUnitTree();
    await seedCampaign();
    const bot = await startInProcessBot(world);
    // What a running bot has done long before (read the unit tree, seeded the year's code counter) is
    // not the first size's cost: one idea sent before any size is measured.
    await warmUp(world, bot);
    const bySize = new Map<number, Record<Action, Outcome>>();
    try {
      const tally = newTally();
      let seeded = 0;
      for (const size of ctx.flags.growthSizes) {
        const seedStart = Date.now();
        try {
          // Codes continue after the earlier sizes' seeded ones and the bench's own submissions (the
          // warm-up's and one per run at each size measured).
          const ownSubmissions = 1 + bySize.size * ctx.flags.growthRuns;
          await insertInitiatives(seeded + ownSubmissions + 1, size + ownSubmissions, tally);
          await writeCounters(tally);
          // As if their codes had been claimed one by one: the year's counter follows (once, not timed).
          await catchUpSequence(bot.app.deps.redis, vietnamYear(new Date()), 'bench-growth-seed');
        } catch (err) {
          // The sizes already measured still make their figures.
          world.say(`seeding ${size} initiatives failed: ${String(err).split('\n')[0]}`);
          break;
        }
        seeded = size;
        world.say(
          `${size.toLocaleString('en')} initiatives seeded in ${((Date.now() - seedStart) / 1000).toFixed(0)} s; timing the actions`,
        );
        const outcomes = await measureAtSize(world, bot, size, ctx.flags);
        bySize.set(size, outcomes);
        world.say(
          ACTIONS.map(
            (a) =>
              `${a} ${'error' in outcomes[a] ? 'failed' : `${outcomes[a].ms} ms / ${outcomes[a].commands} commands`}`,
          ).join(', '),
        );
      }
    } finally {
      await bot.stop();
    }
    return growthResult(ctx.flags.growthSizes, ctx.flags.growthTimeoutS, bySize);
  });
}

function growthResult(sizes: number[], timeoutS: number, bySize: Map<number, Record<Action, Outcome>>): PhaseResult {
  const p = 'growth';
  const smallest = sizes[0]!;
  const biggest = sizes.at(-1)!;
  const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
  const figures: Figure[] = [];
  for (const action of ACTIONS) {
    for (const size of sizes) {
      const o = bySize.get(size)?.[action];
      figures.push({
        phase: p,
        name: `${action} at ${label(size)} initiatives`,
        value: o && !('error' in o) ? o.ms : null,
        unit: 'ms',
        note: !o ? 'not run' : 'error' in o ? o.error : `${o.commands} commands`,
      });
    }
    const [a, b] = [bySize.get(smallest)?.[action], bySize.get(biggest)?.[action]];
    const small = a && !('error' in a) ? a.ms : null;
    const big = b && !('error' in b) ? b.ms : b?.error.startsWith('timed out') ? timeoutS * 1000 : null;
    // A big size that timed out still bounds the ratio from below.
    const ratio = small !== null && big !== null ? big / Math.max(1, small) : null;
    const note = b && 'error' in b && big !== null ? 'at least: timed out' : undefined;
    figures.push({
      phase: p,
      name: `${action}: ${label(biggest)} ÷ ${label(smallest)}`,
      value: ratio,
      unit: '×',
      goal: { atMost: 1.5 },
      ...(note ? { note } : {}),
    });
  }
  return { phase: p, figures, integrityFailures: [], details: { sizes, bySize: Object.fromEntries(bySize) } };
}
