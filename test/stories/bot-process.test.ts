import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { SCHEDULES, SUPPORT_QUEUE } from '../../jobs/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../../src/playground/fakes/telegram-server.js';
import { seedUnits } from '../support/fixtures.js';
import { testRedisUrl, withTestDatabase } from '../support/servers.js';
import { freePort } from '../support/net.js';

const run = (env: NodeJS.ProcessEnv, args: string[] = []): Promise<{ code: number; stderr: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { env }, (err, _stdout, stderr) =>
      resolve({ code: err ? Number(err.code) : 0, stderr }),
    );
  });

/** A probe of the process's HTTP server (PORT): up, and MongoDB, Redis and Telegram reachable. */
async function expectHealthyAndReady(port: number): Promise<void> {
  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(health.status).toBe(200);
  const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
  expect(await ready.json()).toEqual({ mongodb: true, redis: true, telegram: true });
  expect(ready.status).toBe(200);
}

/** Waits for the process to upsert every job scheduler, stops it with SIGTERM, then removes its BullMQ keys. */
async function expectSchedulersThenStop(
  prefix: string,
  child: ChildProcess,
  exited: Promise<number | null>,
): Promise<void> {
  const queue = new Queue(SUPPORT_QUEUE, { connection: { url: testRedisUrl() }, prefix: `${prefix}bull` });
  await expect.poll(async () => (await queue.getJobSchedulers()).length, { timeout: 15_000 }).toBe(SCHEDULES.length);
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  await queue.obliterate({ force: true });
  await queue.close();
}

describe('npm start (the real bot process)', () => {
  let tg: FakeTelegram;
  let db: Awaited<ReturnType<typeof withTestDatabase>>;
  beforeAll(async () => {
    tg = await FakeTelegram.start();
    db = await withTestDatabase();
    await seedUnits();
  });
  afterAll(async () => {
    await tg.stop();
    await db.close();
  });

  it('refuses to start with a message naming each bad or missing variable', async () => {
    const { PATH, HOME } = process.env;
    const { code, stderr } = await run({ PATH, HOME, ENV_FILE: '', TELEGRAM_BOT_TOKEN: 'nope', PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration (see .env.example)');
    expect(stderr).toContain('TELEGRAM_BOT_TOKEN: expected a Bot API token');
    expect(stderr).toContain('PORT: ');
    // The bot runs its own FerretDB without MONGODB_URI; the worker, which shares the bot's, needs it.
    expect(stderr).not.toContain('MONGODB_URI');
    const worker = await run({ PATH, HOME, ENV_FILE: '', TELEGRAM_BOT_TOKEN: 'nope' }, ['worker']);
    expect(worker.code).toBe(1);
    expect(worker.stderr).toContain('MONGODB_URI: missing');
  });

  it('answers a worker by long polling, answers /healthz and /readyz, runs the jobs in-process, and shuts down cleanly on SIGTERM', async () => {
    const prefix = `sk-test-${randomBytes(4).toString('hex')}:`;
    const port = await freePort();
    const callsBefore = tg.calls.length; // another story of this file may have run a bot on this fake
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        MONGODB_URI: db.uri,
        REDIS_URL: testRedisUrl(),
        REDIS_KEY_PREFIX: prefix,
        PORT: String(port),
        ENV_FILE: '',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await tg.waitForCall((c) => c.method === 'deleteWebhook' && tg.calls.indexOf(c) >= callsBefore, 15_000); // polling starts right after
    const lan = tg.user({ id: 8001, first_name: 'Lan' });
    await lan.send('/start');
    // Taken from Telegram once stored in the bot's inbox, then answered.
    const welcome = await tg.waitForCall(
      (c) => c.method === 'sendMessage' && Number(c.params.chat_id) === lan.chatId,
      15_000,
    );
    expect(welcome.ok).toBe(true);
    expect(lan.lastReplies.map((m) => m.plainText).join('\n')).toContain('Chào mừng bạn đến với Sáng kiến');
    expect(tg.calls.slice(callsBefore).filter((c) => c.method === 'setMyCommands' && c.ok)).toHaveLength(2);
    await expectHealthyAndReady(port);
    await expectSchedulersThenStop(prefix, child, exited);
  });

  it('exits non-zero with one clear line when another process takes over the long polling (409)', async () => {
    const prefix = `sk-test-${randomBytes(4).toString('hex')}:`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        MONGODB_URI: db.uri,
        REDIS_URL: testRedisUrl(),
        REDIS_KEY_PREFIX: prefix,
        PORT: String(await freePort()),
        ENV_FILE: '',
        LOG_LEVEL: 'warn',
        JOBS_IN_BOT: 'false',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let logs = '';
    child.stdout.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await tg.waitForCall((c) => c.method === 'deleteWebhook', 15_000);
    // A second copy of the bot, started by mistake with the same token, polls too, again and again.
    let gone = false;
    void exited.then(() => (gone = true));
    while (!gone) {
      await fetch(`${tg.apiRoot}/bot${tg.token}/getUpdates`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await exited).toBe(2);
    const fatal = logs.split('\n').filter((line) => line.includes('"level":60'));
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toContain('another process polls this bot token');
  });

  it('runs the jobs in a worker process of its own (npm run worker), answers /readyz, and stops cleanly', async () => {
    const prefix = `sk-test-${randomBytes(4).toString('hex')}:`;
    const port = await freePort();
    const env = {
      ...process.env,
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      MONGODB_URI: db.uri,
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: prefix,
      PORT: String(port),
      ENV_FILE: '',
      LOG_LEVEL: 'warn',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await expect
      .poll(
        () =>
          fetch(`http://127.0.0.1:${port}/healthz`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 15_000 },
      )
      .toBe(200);
    await expectHealthyAndReady(port);
    await expectSchedulersThenStop(prefix, child, exited);
  });
});
