import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { StartupError } from '../core/startup-error.js';
import { freePort, ownChild, waitUntil, type Child } from './children.js';
import { projectRoot } from './paths.js';

export const FERRETDB_VERSION = 'v1.24.2';

/**
 * Where scripts/install-ferretdb.sh keeps the binary it builds (SK_CACHE_DIR, else ~/.cache/sang-kien);
 * FERRETDB_ID_INDEX=1: the build whose SQLite backend finds documents by _id through its index (the script says why).
 */
export function ferretDbBinary(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.SK_CACHE_DIR || join(env.HOME ?? '.', '.cache', 'sang-kien');
  return join(cache, `ferretdb-${env.FERRETDB_VERSION || FERRETDB_VERSION}${env.FERRETDB_ID_INDEX ? '-id-index' : ''}`);
}

/**
 * Builds FerretDB once (Go, through the module proxy: a few minutes), then returns the cached binary. The
 * build runs in a process group of its own, stopped with this process should it end first (a SIGTERM
 * during the build).
 */
export function installFerretDb(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const script = join(projectRoot(), 'scripts', 'install-ferretdb.sh');
  return new Promise((resolve, reject) => {
    const build = spawn('bash', [script], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    build.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    build.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const stopBuild = () => {
      try {
        if (build.pid) process.kill(-build.pid, 'SIGTERM');
      } catch {
        // Already finished.
      }
    };
    process.once('exit', stopBuild);
    build.once('error', reject);
    build.once('close', (code) => {
      process.removeListener('exit', stopBuild);
      if (code === 0) return resolve(stdout.trim());
      const why = stderr.includes('Go is needed')
        ? 'Go is not installed (https://go.dev/dl/, or apt-get install golang)'
        : (stderr.trim().split('\n').at(-1) ?? `exit code ${code}`);
      reject(
        new StartupError(
          `could not build the embedded FerretDB (${why}): set MONGODB_URI to a MongoDB that runs instead`,
        ),
      );
    });
  });
}

export interface RunningFerretDb extends Child {
  /** mongodb://127.0.0.1:<port>/ (add the database name). */
  uri: string;
  /** Its process, whose CPU time the bench reads. */
  pid: number;
}

/** Starts FerretDB on SQLite with its files in `dir` (kept across starts), on a free port of 127.0.0.1. */
export async function startFerretDb(bin: string, dir: string): Promise<RunningFerretDb> {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    bin,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      `--state-dir=${dir}`,
      '--log-level=error',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const running = ownChild(child);
  const uri = `mongodb://127.0.0.1:${port}/`;
  try {
    await waitUntil(() => mongoAnswers(uri), child, `FerretDB (${bin})`, 30_000);
  } catch (err) {
    await running.stop();
    throw new StartupError(`the embedded FerretDB did not start: ${(err as Error).message}`, { cause: err });
  }
  return { uri, pid: child.pid!, stop: running.stop };
}

async function mongoAnswers(uri: string): Promise<boolean> {
  const conn = await mongoose.createConnection(`${uri}ping`, { serverSelectionTimeoutMS: 500 }).asPromise();
  await conn.close();
  return true;
}

export const ferretDbCached = (env: NodeJS.ProcessEnv = process.env): boolean => existsSync(ferretDbBinary(env));
