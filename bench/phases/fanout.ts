import { cpus } from 'node:os';
import { DEFAULT_RATE_LIMITS, type ApiCall } from '../../src/playground/fakes/telegram-server.js';
import { startWorkerProcess } from '../apps.js';
import { isSend } from '../call-watch.js';
import { inPhaseWorld, type PhaseContext } from '../phase-world.js';
import type { Figure, PhaseResult } from '../report.js';
import { seedCampaign, seedOfficers, seedUnitTree } from '../seed.js';
import { sleep } from '../stats.js';

/**
 * The weekly fan-out: officers of the 20 provinces are due their ping; the worker process builds and
 * delivers them (text and chart each) against the fake Telegram's flood limits. Achieved rate over the
 * allowed one, officers without a ping (missing) and with two (duplicates).
 */

interface FanOutRun {
  officers: number;
  allowedPerSecond: number;
  sends: number;
  tooMany: number;
  /** First send to the last one (or to the time-out). */
  sendingSeconds: number;
  /** Worker start to the last send. */
  totalSeconds: number;
  achievedPerSecond: number;
  missing: number;
  duplicates: number;
  workerPeakRssMiB: number;
  /** CPU time per message sent (building the pings included), of the worker and of the database server. */
  workerCpuMsPerSend: number;
  databaseCpuMsPerSend: number | null;
  timedOut: boolean;
}

async function fanOut(ctx: PhaseContext, officers: number, allowedPerSecond: number): Promise<FanOutRun> {
  const big = allowedPerSecond !== DEFAULT_RATE_LIMITS.globalPerSecond;
  const limits = { ...DEFAULT_RATE_LIMITS, globalPerSecond: allowedPerSecond };
  return inPhaseWorld(ctx, `fanout-${officers}`, { rateLimits: limits }, async (world) => {
    await seedUnitTree();
    await seedCampaign();
    const users = await seedOfficers(world.tg, officers, 5_000_000);
    const officerChats = new Set(users.map((u) => String(u.chatId)));
    const toOfficer = (c: ApiCall) => isSend(c) && officerChats.has(String(c.params.chat_id));
    world.say(
      `${officers} officers due their ping; the worker sends at up to ${allowedPerSecond}/s (waiting up to ${ctx.flags.fanoutTimeoutS} s)`,
    );
    const start = Date.now();
    const databaseCpuBefore = ctx.servers.databaseCpuMs();
    const worker = world.own(
      await startWorkerProcess(`fanout-${officers}-worker`, world.scope, world.tg, big ? allowedPerSecond : undefined),
    );
    const giveUpAt = start + ctx.flags.fanoutTimeoutS * 1000;
    // Done when every officer has a ping and nothing was sent for two seconds (the chart follows the text).
    const pinged = new Map<string, number>();
    let lastSendAt = 0;
    const stopCounting = world.tg.onCall((c) => {
      if (!toOfficer(c)) return;
      lastSendAt = c.at;
      if (c.ok && c.method === 'sendMessage')
        pinged.set(String(c.params.chat_id), (pinged.get(String(c.params.chat_id)) ?? 0) + 1);
    });
    const progress = setInterval(
      () => world.say(`${pinged.size}/${officers} officers pinged after ${Math.round((Date.now() - start) / 1000)} s`),
      15_000,
    );
    while (Date.now() < giveUpAt && !(pinged.size >= officers && Date.now() - lastSendAt > 2000)) await sleep(500);
    clearInterval(progress);
    stopCounting();
    const databaseCpu = ctx.servers.databaseCpuMs();
    const workerCpu = worker.cpuMs();
    const calls = world.tg.calls.filter(toOfficer);
    const ok = calls.filter((c) => c.ok);
    const first = ok[0]?.at ?? start;
    const last = ok.at(-1)?.at ?? start;
    const timedOut = Date.now() >= giveUpAt;
    const sendingSeconds = Math.max(0.001, ((timedOut ? Date.now() : last) - first) / 1000);
    const run: FanOutRun = {
      officers,
      allowedPerSecond,
      sends: ok.length,
      tooMany: calls.filter((c) => c.errorCode === 429).length,
      sendingSeconds,
      totalSeconds: (last - start) / 1000,
      achievedPerSecond: ok.length / sendingSeconds,
      missing: officers - pinged.size,
      duplicates: [...pinged.values()].filter((n) => n > 1).length,
      workerPeakRssMiB: worker.peakRssMiB(),
      workerCpuMsPerSend: workerCpu / Math.max(1, ok.length),
      databaseCpuMsPerSend:
        databaseCpu === null || databaseCpuBefore === null
          ? null
          : (databaseCpu - databaseCpuBefore) / Math.max(1, ok.length),
      timedOut,
    };
    world.say(
      `${run.sends} sends in ${sendingSeconds.toFixed(1)} s = ${run.achievedPerSecond.toFixed(1)}/s of ${allowedPerSecond}/s; missing ${run.missing}, duplicates ${run.duplicates}`,
    );
    return run;
  });
}

/** The send rate at which the worker and the database server together would use every core of this machine. */
const machineBound = (r: FanOutRun): number =>
  Math.round((cpus().length * 1000) / (r.workerCpuMsPerSend + (r.databaseCpuMsPerSend ?? 0)));

export async function fanoutPhase(ctx: PhaseContext): Promise<PhaseResult> {
  const runs = [
    await fanOut(ctx, ctx.flags.officers, DEFAULT_RATE_LIMITS.globalPerSecond),
    await fanOut(ctx, ctx.flags.bigOfficers, ctx.flags.bigRatePerSecond),
  ];
  const p = 'fan-out';
  const figures: Figure[] = runs.flatMap((r) => {
    const name = `${r.officers} officers at ${r.allowedPerSecond}/s`;
    const wait = r.timedOut
      ? `stopped waiting after ${ctx.flags.fanoutTimeoutS} s`
      : `${r.totalSeconds.toFixed(0)} s from worker start`;
    return [
      {
        phase: p,
        name: `${name}: achieved ÷ allowed rate`,
        value: r.achievedPerSecond / r.allowedPerSecond,
        unit: 'ratio',
        goal: { atLeast: 0.95 },
        note: `${r.achievedPerSecond.toFixed(1)}/s, ${r.tooMany} × 429, ${wait}`,
      },
      { phase: p, name: `${name}: missing`, value: r.missing, unit: 'count', goal: { atMost: 0 } },
      { phase: p, name: `${name}: duplicates`, value: r.duplicates, unit: 'count', goal: { atMost: 0 } },
      {
        phase: p,
        name: `${name}: CPU per message sent, worker + database server`,
        value: r.workerCpuMsPerSend + (r.databaseCpuMsPerSend ?? 0),
        unit: 'ms/message',
        note:
          r.databaseCpuMsPerSend === null
            ? `worker ${r.workerCpuMsPerSend.toFixed(2)} ms (database elsewhere)`
            : `worker ${r.workerCpuMsPerSend.toFixed(2)} + ${ctx.servers.database} ${r.databaseCpuMsPerSend.toFixed(2)} ms: ${machineBound(r)} messages/s would take all ${cpus().length} cores`,
      },
      {
        phase: p,
        name: `${name}: peak RSS, worker process`,
        value: r.workerPeakRssMiB,
        unit: 'MiB',
        goal: { atMost: 150 },
      },
    ] satisfies Figure[];
  });
  // A ping still on its way when the bench stopped waiting is slow, not lost; only duplicates fail --quick here.
  const integrityFailures = runs.flatMap((r) =>
    r.duplicates > 0 ? [`fan-out ${r.officers}: ${r.duplicates} officers got two pings`] : [],
  );
  return { phase: p, figures, integrityFailures, details: { runs } };
}
