import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/net.js';

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
}

/** `npm start` as a newcomer runs it: no .env, no MONGODB_URI, no messenger; only where to keep data. */
async function start(dataDir: string, prefix: string): Promise<Started> {
  const port = await freePort();
  const { PATH, HOME } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    // The tests' Redis key space, not the one a developer's own bot may use.
    env: { PATH, HOME, ENV_FILE: '', PORT: String(port), SK_DATA_DIR: dataDir, REDIS_KEY_PREFIX: prefix },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  // The page answers once the demo data is in and the four people are there.
  const started = Date.now();
  let page: Response | null = null;
  while (Date.now() - started < 45_000 && child.exitCode === null) {
    page = await fetch(`http://127.0.0.1:${port}/`).catch(() => null);
    if (page?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(page?.status, output).toBe(200);
  expect(await page!.text()).toContain('Sân chơi Sáng kiến bot');
  return { child, port, output: () => output };
}

async function stop({ child }: Started): Promise<void> {
  const signalled = Date.now();
  child.kill('SIGTERM');
  const code = await new Promise((resolve) => child.once('exit', resolve));
  expect(code).toBe(0);
  expect(Date.now() - signalled).toBeLessThan(10_000);
}

/** The officer types in their chat on the page, and reads the bot's latest answer. */
async function officerSays(port: number, text: string): Promise<string> {
  const sent = await fetch(`http://127.0.0.1:${port}/playground/api/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pane: 'officer', text }),
  });
  expect(sent.status).toBe(200);
  const state = (await (await fetch(`http://127.0.0.1:${port}/playground/api/state`)).json()) as {
    panes: { id: string; messages: { from: string; text: string }[] }[];
  };
  return state.panes
    .find((p) => p.id === 'officer')!
    .messages.filter((m) => m.from === 'bot')
    .at(-1)!.text;
}

/**
 * It builds nothing here (global setup built FerretDB), starts its FerretDB on the data folder, finds the
 * local Redis and serves the playground; SIGTERM stops it and the FerretDB it started; the next start
 * finds what the first one stored.
 */
// The second start finds what the first one left.
describe('npm start with no configuration', { shuffle: false }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sk-play-data-'));
  const prefix = `sk-test-${randomBytes(4).toString('hex')}:`;
  const running: Started[] = [];
  afterAll(() => {
    // SIGTERM, not SIGKILL: the bot stops the FerretDB it started on its way out.
    for (const r of running) if (r.child.exitCode === null) r.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reaches the playground, ready, and stops cleanly on SIGTERM', async () => {
    const bot = await start(dataDir, prefix);
    running.push(bot);
    const ready = await fetch(`http://127.0.0.1:${bot.port}/readyz`);
    expect(await ready.json()).toEqual({ mongodb: true, redis: true, telegram: true });
    expect(ready.status).toBe(200);
    expect(bot.output()).toMatch(/embedded FerretDB started at mongodb:\/\/127\.0\.0\.1:\d+\/sang-kien/);
    expect(bot.output()).toContain(`playground ready at http://localhost:${bot.port}/`);
    const english = await (await fetch(`http://127.0.0.1:${bot.port}/?lang=en`)).text();
    expect(english).toContain('Sáng kiến bot playground');
    // Its database lives in the data folder, kept for the next start.
    expect(readdirSync(join(dataDir, 'ferretdb')).some((f) => f.endsWith('.sqlite'))).toBe(true);
    expect(await officerSays(bot.port, '/quiet 22-6')).toContain('Từ 22:00 đến 6:00');

    await stop(bot);
    // The FerretDB it started stopped with it: nothing listens on its port any more.
    const mongoPort = Number(/mongodb:\/\/127\.0\.0\.1:(\d+)/.exec(bot.output())![1]);
    await expect(fetch(`http://127.0.0.1:${mongoPort}/`)).rejects.toThrow();
  }, 60_000);

  it('finds its data again on the next start, seeded once', async () => {
    const bot = await start(dataDir, prefix);
    running.push(bot);
    expect(bot.output()).toContain('"firstSeed":false');
    // The officer's quiet hours, set before the restart, are still theirs.
    expect(await officerSays(bot.port, '/quiet')).toContain('Từ 22:00 đến 6:00');
    await stop(bot);
  }, 60_000);
});
