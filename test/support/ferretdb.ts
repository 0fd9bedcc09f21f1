import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { freePort } from './net.js';

/** Builds (once, cached) and starts FerretDB 1.x on SQLite in a temporary directory, on a free port. */
export async function startFerretDb(): Promise<{ uri: string; pid: number; stop: () => Promise<void> }> {
  const bin = execFileSync('bash', ['scripts/install-ferretdb.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const dir = mkdtempSync(join(tmpdir(), 'sk-ferretdb-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
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
  const uri = `mongodb://127.0.0.1:${port}/`;
  await waitForMongo(uri, child);
  return {
    uri,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForMongo(uri: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`FerretDB exited with code ${child.exitCode}`);
    try {
      const conn = await mongoose.createConnection(`${uri}ping`, { serverSelectionTimeoutMS: 500 }).asPromise();
      await conn.close();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error('FerretDB did not start within 30 s', { cause: err });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
