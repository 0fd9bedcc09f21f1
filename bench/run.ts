// npm run bench: one run measures the deadline burst (long polling and webhook), the ceiling against a
// bare grammY bot, database commands per action, the weekly fan-out and the costs that grow with the
// data; prints a table with the goals of issue 9 and writes bench/results/latest.json. See README
// "Performance" for the flags and what each figure means.
import { parseFlags, PHASES, type PhaseName } from './flags.js';
import { startServers } from './infra.js';
import { compileProcesses } from './compiled.js';
import type { PhaseContext } from './phase-world.js';
import { killAllProcessesNow, stopAllProcesses } from './processes.js';
import { machine, table, writeResults, type PhaseResult } from './report.js';
import { burstPhase } from './phases/burst.js';
import { ceilingPhase } from './phases/ceiling.js';
import { commandsPhase } from './phases/commands.js';
import { fanoutPhase } from './phases/fanout.js';
import { growthPhase } from './phases/growth.js';
import { pacerPhase } from './phases/pacer.js';

const PHASE_RUNS: Record<PhaseName, ((ctx: PhaseContext) => Promise<PhaseResult | PhaseResult[]>)[]> = {
  burst: [burstPhase('polling'), burstPhase('webhook')],
  ceiling: [ceilingPhase],
  commands: [commandsPhase],
  fanout: [fanoutPhase],
  pacer: [pacerPhase],
  growth: [growthPhase],
};

const flags = parseFlags(process.argv.slice(2));
const started = Date.now();
const elapsed = () => {
  const s = Math.round((Date.now() - started) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};
const progress = (phase: string, line: string) => console.log(`[${elapsed()}] ${phase}: ${line}`);
process.once('exit', killAllProcessesNow);
progress('bench', 'compiling the bot, the worker and the echo bot (they run as in production)');
compileProcesses();
const servers = await startServers();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: stopping the bench's processes and servers`);
    void stopAllProcesses()
      .then(() => servers.stop())
      .finally(() => process.exit(130));
  });
}

const ctx: PhaseContext = { servers, flags, progress };
const results: PhaseResult[] = [];
const failedPhases: string[] = [];
try {
  for (const name of PHASES) {
    if (flags.only.length > 0 && !flags.only.includes(name)) continue;
    for (const run of PHASE_RUNS[name]) {
      const phaseStart = Date.now();
      try {
        const result = await run(ctx);
        for (const r of Array.isArray(result) ? result : [result])
          results.push({ ...r, seconds: (Date.now() - phaseStart) / 1000 });
      } catch (err) {
        // One phase failing (a bot that does not start, a timeout) leaves the others to run.
        progress(name, `FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        failedPhases.push(name);
      } finally {
        await stopAllProcesses();
      }
    }
  }
} finally {
  await servers.stop();
}

const totalSeconds = (Date.now() - started) / 1000;
const integrityFailures = results.flatMap((r) => r.integrityFailures);
writeResults(flags.resultsPath, {
  at: new Date().toISOString(),
  machine: machine(),
  database: servers.database,
  flags,
  totalSeconds,
  failedPhases,
  integrityFailures,
  results,
});
console.log(`\n${table(results)}\n`);
console.log(
  `database: ${servers.database}; machine: ${JSON.stringify(machine())}; run time ${Math.round(totalSeconds)} s; written to ${flags.resultsPath}`,
);
for (const f of integrityFailures) console.log(`LOST OR DUPLICATED: ${f}`);
for (const p of failedPhases) console.log(`PHASE FAILED: ${p}`);
// --quick is CI's check: any lost or duplicated message, or a phase that could not run, fails it.
process.exit(flags.quick && (integrityFailures.length > 0 || failedPhases.length > 0) ? 1 : 0);
