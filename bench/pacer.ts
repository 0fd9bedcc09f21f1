// npx tsx bench/pacer.ts: what the pacing costs people, in real time, against the fake Telegram's real
// flood limits (30 messages/s per bot, 1/s per private chat, 20/min per group):
//  (a) how long private chats wait for the bot's answer while a team group's cards are queued;
//  (b) how close the weekly fan-out through the delivery worker comes to Telegram's 30 messages/s.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { importUnits } from '../src/admin/import-units.js';
import { startTelegram } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Deps } from '../src/deps.js';
import { msg } from '../src/core/i18n.js';
import { createLogger } from '../src/logger.js';
import { CampaignModel, DeliveryModel, TargetModel } from '../src/models/index.js';
import { RedisInbox } from '../src/delivery/inbox.js';
import { TELEGRAM_INBOX } from '../src/channels/telegram/stored-updates.js';
import { enqueue } from '../src/services/delivery.service.js';
import { ensureMemberForAccount, grantRole } from '../src/services/members.service.js';
import { startDeliveryWorker } from '../jobs/delivery-queue.js';
import { connect } from '../src/connections.js';
import { sendWeeklyPings } from '../src/services/weekly-pings.service.js';
import {
  DEFAULT_RATE_LIMITS,
  FakeTelegram,
  type ApiCall,
  type FakeUser,
} from '../src/playground/fakes/telegram-server.js';
import { startFerretDb } from '../test/support/ferretdb.js';
import { freePort } from '../test/support/net.js';

export interface PacerBenchOptions {
  /** Cards queued for one team group before the private chats start writing. */
  groupCards: number;
  /** People writing to the bot privately meanwhile, each `/help` this many times, a second apart. */
  people: number;
  messagesEach: number;
  /** Officers of the weekly fan-out (each gets a ping and its chart). */
  officers: number;
}

export interface PacerBenchFigures {
  privateReplyWaitMs: { p50: number; p99: number; max: number; count: number; unanswered: number };
  groupCardsDelivered: number;
  /** The worker's drain of the queued pings (the producer, sendWeeklyPings, took queuedInMs before). */
  fanOut: {
    queuedInMs: number;
    messages: number;
    seconds: number;
    drainSeconds: number;
    perSecond: number;
    achievedOfAllowed: number;
    duplicates: number;
    missing: number;
    tooManyRequests: number;
  };
}

const DEFAULTS: PacerBenchOptions = { groupCards: 20, people: 10, messagesEach: 3, officers: 150 };
const ALLOWED_PER_SECOND = DEFAULT_RATE_LIMITS.globalPerSecond;
const REPLY_TIMEOUT_MS = 120_000;

const percentile = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const chatOf = (c: ApiCall): number => Number(c.params.chat_id);

/** `mongoRoot`: a running server's URI (npm run bench's); without it, MONGODB_URI or a FerretDB of its own. */
export async function benchPacer(
  opts: Partial<PacerBenchOptions> & { mongoRoot?: string } = {},
): Promise<PacerBenchFigures> {
  const o = { ...DEFAULTS, ...opts };
  const root = opts.mongoRoot ?? process.env.MONGODB_URI;
  const ferret = root ? null : await startFerretDb();
  const mongoUri = `${root ?? ferret!.uri}sk_bench_pacer_${randomBytes(3).toString('hex')}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `sk-bench-pacer-${randomBytes(3).toString('hex')}:`;
  const tg = await FakeTelegram.start({ rateLimits: false });
  const port = await freePort();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
    MONGODB_URI: mongoUri,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: redisPrefix,
    TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
    TELEGRAM_WEBHOOK_SECRET: 'bench-secret-0123456789',
    PORT: String(port),
  });
  // The bot's own connections and deps, as the bot process opens them.
  const { deps, disconnect } = await connect(config, { log: createLogger('error') });
  const { redis } = deps;
  const bot = await startTelegram(deps, { ...config, TELEGRAM_BOT_TOKEN: tg.token });
  // Monday 08:00 in Vietnam, outside anyone's quiet hours.
  const monday: Deps = { ...deps, clock: { now: () => new Date('2026-11-23T01:00:00Z') } };
  const worker = startDeliveryWorker(monday, { url: redisUrl, prefix: redisPrefix });
  try {
    const lines = ['code,name,parent_code,level', 'VN,Tổng Liên đoàn,,national'];
    for (let p = 1; p <= 10; p++) {
      lines.push(`P${p},LĐLĐ tỉnh ${p},VN,province`);
      for (let g = 1; g <= 4; g++) lines.push(`P${p}-G${g},Công ty ${p}.${g},P${p},grassroots`);
    }
    if (!(await importUnits(`${lines.join('\n')}\n`)).ok) throw new Error('bench tree rejected');

    const people = Array.from({ length: o.people }, (_, i) => tg.user({ id: 810_000 + i, first_name: `Người ${i}` }));
    const officers = Array.from({ length: o.officers }, (_, i) =>
      tg.user({ id: 820_000 + i, first_name: `Cán bộ ${i}` }),
    );
    for (const u of [...people, ...officers]) await u.send('/help'); // a bot writes only to people who opened it
    // Those are taken once stored in the bot's inbox: their answers go out before the measuring starts.
    await new RedisInbox(redis, deps.log).emptied(TELEGRAM_INBOX, REPLY_TIMEOUT_MS);
    await sleep(1000);
    const team = tg.group({
      id: -100_810_000,
      title: 'Tổ hỗ trợ',
      members: [tg.user({ id: 809_999, first_name: 'Trưởng tổ' })],
    });
    tg.setRateLimits(DEFAULT_RATE_LIMITS);

    // (a) A group's queue of cards, then people writing privately.
    const cards = Array.from({ length: o.groupCards }, (_, n) => ({
      key: `bench-card:${n}`,
      channel: 'telegram' as const,
      chatId: String(team.id),
      locale: 'vi' as const,
      reply: { parts: [msg('help-short')] },
      kind: 'notice' as const,
    }));
    await enqueue(monday, cards);
    const waits: number[] = [];
    let unanswered = 0;
    const answered = (user: FakeUser, since: number) => (c: ApiCall) =>
      c.ok && c.method === 'sendMessage' && chatOf(c) === user.chatId && c.at >= since;
    await Promise.all(
      people.map(async (user, i) => {
        await sleep(i * 37); // not all in the same millisecond
        for (let m = 0; m < o.messagesEach; m++) {
          const since = Date.now();
          const reply = tg.waitForCall(answered(user, since), REPLY_TIMEOUT_MS);
          user.send('/help').catch(() => undefined); // a webhook that timed out is the bot's problem, measured by the wait
          try {
            await reply;
            waits.push(Date.now() - since);
          } catch {
            unanswered += 1;
          }
          await sleep(1000);
        }
      }),
    );
    const deadline = Date.now() + REPLY_TIMEOUT_MS;
    while (
      (await DeliveryModel.countDocuments({ key: /^bench-card:/, status: { $in: ['pending', 'sending'] } })) > 0 &&
      Date.now() < deadline
    )
      await sleep(100);
    const groupCardsDelivered = team.transcript.length;

    // (b) The weekly fan-out: a ping and its chart per officer, through the delivery worker.
    await CampaignModel.create({
      code: 'BENCH',
      name: 'Bench',
      startDate: new Date('2026-01-01'),
      endDate: new Date('2026-12-31'),
    });
    await TargetModel.insertMany(
      lines.slice(2).map((l) => ({ campaignCode: 'BENCH', unitCode: l.split(',')[0]!, target: 100 })),
    );
    for (const [i, officer] of officers.entries()) {
      const member = await ensureMemberForAccount({ channel: 'telegram', externalId: String(officer.id) }, deps.clock);
      await grantRole(member._id, `P${1 + (i % 10)}`, 'officer');
    }
    // Queued first (the producer is measured apart), then the worker drains the queue.
    await worker.pause();
    let start = performance.now();
    const queued = await sendWeeklyPings(monday);
    const queuedInMs = Math.round(performance.now() - start);
    const callsBefore = tg.calls.length;
    start = performance.now();
    void worker.resume();
    while (
      (await DeliveryModel.countDocuments({ key: /^weekly:/, status: { $in: ['pending', 'sending'] } })) > 0 &&
      performance.now() - start < 10 * 60_000
    )
      await sleep(50);
    const drainSeconds = (performance.now() - start) / 1000;
    const fanOutCalls = tg.calls
      .slice(callsBefore)
      .filter((c) => c.method === 'sendMessage' || c.method === 'sendPhoto');
    const sentCalls = fanOutCalls.filter((c) => c.ok);
    const pingsPerOfficer = new Map<number, number>();
    for (const c of sentCalls)
      if (c.method === 'sendMessage') pingsPerOfficer.set(chatOf(c), (pingsPerOfficer.get(chatOf(c)) ?? 0) + 1);
    // From the first message to the last one's slot: what the worker achieved while it had work.
    const sendingSeconds =
      (Math.max(...sentCalls.map((c) => c.at)) - Math.min(...sentCalls.map((c) => c.at))) / 1000 +
      1 / ALLOWED_PER_SECOND;
    const perSecond = sentCalls.length / sendingSeconds;
    return {
      privateReplyWaitMs: {
        p50: percentile(waits, 50),
        p99: percentile(waits, 99),
        max: Math.max(...waits),
        count: waits.length,
        unanswered,
      },
      groupCardsDelivered,
      fanOut: {
        queuedInMs,
        messages: sentCalls.length,
        seconds: Number(sendingSeconds.toFixed(2)),
        drainSeconds: Number(drainSeconds.toFixed(2)),
        perSecond: Number(perSecond.toFixed(1)),
        achievedOfAllowed: Number((perSecond / ALLOWED_PER_SECOND).toFixed(3)),
        duplicates: [...pingsPerOfficer.values()].filter((n) => n > 1).length,
        missing: queued - pingsPerOfficer.size,
        tooManyRequests: fanOutCalls.filter((c) => c.errorCode === 429).length,
      },
    };
  } finally {
    await worker.close();
    await bot.stop();
    await tg.stop();
    await disconnect();
    await ferret?.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await benchPacer();
  console.log(JSON.stringify(figures, null, 2));
  const { p50, p99 } = figures.privateReplyWaitMs;
  console.log(
    `(a) private replies while ${DEFAULTS.groupCards} cards are queued for a group: p50 ${p50} ms, p99 ${p99} ms (goal p99 ≤ 1000 ms)`,
  );
  console.log(
    `(b) weekly fan-out: ${figures.fanOut.perSecond}/s = ${figures.fanOut.achievedOfAllowed} of the allowed ${ALLOWED_PER_SECOND}/s (goal ≥ 0.95)`,
  );
}
