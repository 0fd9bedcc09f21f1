import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    redisUrl: string;
  }
}

/**
 * Starts the real servers the tests talk to: FerretDB 1.x (MongoDB wire protocol, SQLite backend)
 * unless MONGODB_URI is set, and checks the local Redis (or REDIS_URL).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  await checkRedis(redisUrl);
  project.provide('redisUrl', redisUrl);

  if (process.env.MONGODB_URI) {
    project.provide('mongoUri', process.env.MONGODB_URI);
    return async () => {};
  }
  const ferret = await startFerretDb();
  project.provide('mongoUri', ferret.uri);
  return ferret.stop;
}

async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(`Tests need Redis at ${url} (start redis-server or set REDIS_URL)`, { cause: err });
  } finally {
    redis.disconnect();
  }
}

async function startFerretDb(): Promise<{ uri: string; stop: () => Promise<void> }> {
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
