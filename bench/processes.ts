import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compiledScript } from './compiled.js';

/**
 * The bot, the worker and the echo bot run as processes of their own, so their CPU time and peak RSS
 * are read from /proc apart from the bench driver (which also runs the fake Telegram).
 */

export const LOG_DIR = 'bench/results/logs';
const CLOCK_TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const STOP_GRACE_MS = 10_000;
/**
 * The processes run with the flags production runs them with (`npm run start:prod`, which the Dockerfile's
 * NODE_OPTIONS repeats), and no more: source maps, say, would add their own memory to the figures.
 * BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" adds flags (here, to profile the processes).
 */
export function productionNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  const command = /^node ((?:--\S+ )*)dist\/src\/main\.js$/.exec(scripts['start:prod'] ?? '');
  if (!command)
    throw new Error(`package.json start:prod is not "node [--flags] dist/src/main.js": ${scripts['start:prod']}`);
  return command[1]!.split(' ').filter(Boolean);
}
const nodeFlags = [...productionNodeFlags(), ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)];

/** User + system CPU time of a process so far, in ms (/proc/<pid>/stat utime + stime). */
export function cpuMsOf(pid: number): number {
  // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
}

/** Every process started and not yet stopped: run.ts stops them all, even when a phase fails. */
const running = new Set<BenchProcess>();

export class BenchProcess {
  private readonly exited: Promise<number | null>;
  private lines: ((line: string) => void)[] = [];
  /** The process's "slow database command" log lines (DB_SLOW_MS), by command, collection and selection. */
  private readonly slow = new Map<string, { count: number; totalMs: number; maxMs: number }>();

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** `node <compiled script> ...args`: one process, so its pid is the one /proc measures (npm or the tsx CLI would add a parent). */
  static start(name: string, script: string, args: string[], env: Record<string, string>): BenchProcess {
    mkdirSync(LOG_DIR, { recursive: true });
    const log = createWriteStream(join(LOG_DIR, `${name}.log`));
    const child = spawn(process.execPath, [...nodeFlags, compiledScript(script), ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc = new BenchProcess(name, child);
    running.add(proc);
    proc.lines.push((line) => proc.noteSlowCommand(line));
    let partial = '';
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      const text = partial + chunk.toString('utf8');
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) for (const l of proc.lines) l(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void proc.exited.then(() => log.end());
    return proc;
  }

  private noteSlowCommand(line: string): void {
    if (!line.includes('slow database command')) return;
    const e = JSON.parse(line) as { command: string; collection: string; selects: string; ms: number };
    const key = `${e.command} ${e.collection} ${e.selects}`;
    const seen = this.slow.get(key) ?? { count: 0, totalMs: 0, maxMs: 0 };
    this.slow.set(key, { count: seen.count + 1, totalMs: seen.totalMs + e.ms, maxMs: Math.max(seen.maxMs, e.ms) });
  }

  /** The database commands that took longest in total (those over the process's DB_SLOW_MS), most first. */
  slowestCommands(top = 8): { command: string; count: number; totalMs: number; maxMs: number }[] {
    return [...this.slow.entries()]
      .map(([command, s]) => ({ command, ...s }))
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, top);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resolves at the first output line matching `pattern`; fails if the process exits or the time runs out first. */
  waitForLine(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.lines = this.lines.filter((l) => l !== listener);
        settle();
      };
      const listener = (line: string) => pattern.test(line) && done(() => resolve(line));
      const timer = setTimeout(
        () =>
          done(() =>
            reject(
              new Error(
                `${this.name}: no line matching ${pattern} within ${timeoutMs} ms (see ${LOG_DIR}/${this.name}.log)`,
              ),
            ),
          ),
        timeoutMs,
      );
      void this.exited.then((code) =>
        done(() =>
          reject(
            new Error(
              `${this.name} exited (code ${code}) before printing ${pattern} (see ${LOG_DIR}/${this.name}.log)`,
            ),
          ),
        ),
      );
      this.lines.push(listener);
    });
  }

  /** `work`, failing instead if the process exits first (a bot that dies at start-up). */
  whileRunning<T>(work: Promise<T>): Promise<T> {
    const died = this.exited.then((code): never => {
      throw new Error(`${this.name} exited (code ${code}); see ${LOG_DIR}/${this.name}.log`);
    });
    return Promise.race([work, died]);
  }

  /** User + system CPU time so far, in ms. */
  cpuMs(): number {
    return cpuMsOf(this.pid);
  }

  /** Peak resident set size so far, in MiB (/proc/<pid>/status VmHWM). */
  peakRssMiB(): number {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'))?.[1];
    return Number(kb) / 1024;
  }

  /** SIGTERM (the bot shuts down cleanly), SIGKILL if it has not exited within the grace time. */
  async stop(): Promise<void> {
    running.delete(this);
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }
}

export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop()));
}

/** Last resort when the driver itself dies: no bot process outlives the bench. */
export function killAllProcessesNow(): void {
  for (const p of running) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
