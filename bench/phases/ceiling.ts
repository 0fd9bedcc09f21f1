import type { FakeUser } from '../../src/playground/fakes/telegram-server.js';
import { startBot, startEchoBot } from '../apps.js';
import { isSend } from '../call-watch.js';
import { inPhaseWorld, type PhaseContext, type PhaseWorld } from '../phase-world.js';
import type { BenchProcess } from '../processes.js';
import type { Figure, PhaseResult } from '../report.js';
import { summarize, type LatencySummary } from '../stats.js';

/**
 * The ceiling: the same closed-loop driver (each user sends, waits for the answer, sends again) against
 * a bare grammY echo bot and against the project answering /help, both long polling, without the fake's
 * flood limits (and the project without its pacer, which would hold each user to Telegram's 1 message a second
 * per chat): updates/s of each, their ratio, the bot's CPU per update and the latency percentiles.
 */

const ANSWER_TIMEOUT_MS = 30_000;

interface LoadRun {
  updates: number;
  seconds: number;
  perSecond: number;
  cpuMsPerUpdate: number;
  /** The bot process's peak resident memory, MiB. */
  peakRssMiB: number;
  /** The database server's CPU per update (FerretDB here), null when it runs elsewhere. */
  databaseCpuMsPerUpdate: number | null;
  latencyMs: LatencySummary;
  timeouts: number;
}

async function closedLoop(
  world: PhaseWorld,
  bot: BenchProcess,
  users: FakeUser[],
  text: string,
  seconds: number,
  databaseCpuMs: () => number | null,
): Promise<LoadRun> {
  const ask = async (user: FakeUser): Promise<number> => {
    const sentAt = Date.now();
    const answer = world.watch.next(user.chatId, isSend, sentAt + ANSWER_TIMEOUT_MS);
    user.send(text).catch(() => undefined);
    const call = await answer;
    return call ? call.at - sentAt : Infinity;
  };
  // Every user once first: the first contact (creating the member) is not what this measures.
  await Promise.all(users.map(ask));
  const latencies: number[] = [];
  const cpuBefore = bot.cpuMs();
  const databaseCpuBefore = databaseCpuMs();
  const start = Date.now();
  const end = start + seconds * 1000;
  await Promise.all(
    users.map(async (user) => {
      while (Date.now() < end) latencies.push(await ask(user));
    }),
  );
  const elapsedS = (Date.now() - start) / 1000;
  const cpuMs = bot.cpuMs() - cpuBefore;
  const databaseCpuAfter = databaseCpuMs();
  return {
    updates: latencies.length,
    seconds: elapsedS,
    perSecond: latencies.length / elapsedS,
    cpuMsPerUpdate: cpuMs / latencies.length,
    peakRssMiB: bot.peakRssMiB(),
    databaseCpuMsPerUpdate:
      databaseCpuBefore === null || databaseCpuAfter === null
        ? null
        : (databaseCpuAfter - databaseCpuBefore) / latencies.length,
    latencyMs: summarize(latencies),
    timeouts: latencies.filter((l) => l === Infinity).length,
  };
}

async function run(ctx: PhaseContext, which: 'echo' | 'project'): Promise<LoadRun> {
  return inPhaseWorld(ctx, `ceiling-${which}`, { rateLimits: false }, async (world) => {
    const bot = world.own(
      which === 'echo'
        ? await startEchoBot(world.tg)
        : await startBot('ceiling-project-bot', world.scope, world.tg, 'polling', { unpaced: true }),
    );
    const users = Array.from({ length: ctx.flags.ceilingUsers }, (_, i) =>
      world.tg.user({ id: 2_000_000 + i, first_name: `Người ${i}` }),
    );
    world.say(`${users.length} users, closed loop for ${ctx.flags.ceilingSeconds} s`);
    const result = await closedLoop(
      world,
      bot,
      users,
      which === 'echo' ? 'xin chào' : '/help',
      ctx.flags.ceilingSeconds,
      ctx.servers.databaseCpuMs,
    );
    world.say(
      `${result.perSecond.toFixed(0)} updates/s, ${result.cpuMsPerUpdate.toFixed(2)} ms CPU per update, p99 ${result.latencyMs.p99} ms`,
    );
    return result;
  });
}

export async function ceilingPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const echo = await run(ctx, 'echo');
  const project = await run(ctx, 'project');
  const users = ctx.flags.ceilingUsers;
  const p = 'ceiling';
  const figures: Figure[] = [
    {
      phase: p,
      name: `echo bot: updates/s, ${users} users`,
      value: echo.perSecond,
      unit: 'per s',
      note: `${echo.cpuMsPerUpdate.toFixed(2)} ms CPU/update`,
    },
    { phase: p, name: `project /help: updates/s, ${users} users`, value: project.perSecond, unit: 'per s' },
    {
      phase: p,
      name: 'project ÷ echo throughput',
      value: project.perSecond / echo.perSecond,
      unit: 'ratio',
      goal: { atLeast: 0.5 },
    },
    {
      phase: p,
      name: 'project bot CPU per update',
      value: project.cpuMsPerUpdate,
      unit: 'ms/update',
      goal: { atMost: 2.5 },
    },
    {
      phase: p,
      name: 'database server CPU per project update',
      value: project.databaseCpuMsPerUpdate,
      unit: 'ms/update',
      note: ctx.servers.database,
    },
    {
      phase: p,
      name: `project answer p99, ${users} users`,
      value: project.latencyMs.p99,
      unit: 'ms',
      note: `p50 ${project.latencyMs.p50} ms; echo p99 ${echo.latencyMs.p99} ms`,
    },
  ];
  return { phase: p, figures, integrityFailures: [], details: { users, echo, project } };
}
