// npm run bench: how fast one bot process answers workers, end to end through grammY, a webhook, the
// fake Telegram server, MongoDB protocol (FerretDB unless MONGODB_URI) and Redis, while every new
// initiative is carded to its province's support team group. Prints its figures.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { importUnits } from '../src/admin/import-units.js';
import { startTelegram } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { connectMongo, disconnectMongo } from '../src/db.js';
import { I18n } from '../src/i18n.js';
import { createLogger } from '../src/logger.js';
import '../src/models/index.js';
import { checkRedis, createRedis } from '../src/redis.js';
import { searchGrassroots } from '../src/services/units.service.js';
import { ensureMemberForAccount, grantRole } from '../src/services/members.service.js';
import { DEFAULT_RATE_LIMITS, FakeTelegram, type FakeUser } from '../test/fakes/telegram-server.js';
import { startDeliveryWorker } from '../jobs/delivery-queue.js';
import { sendWeeklyPings } from '../jobs/weekly-progress.job.js';
import { CampaignModel, DeliveryModel, TargetModel } from '../src/models/index.js';
import { startFerretDb } from '../test/support/ferretdb.js';
import { freePort } from '../test/support/net.js';
import { BullOutbox } from '../jobs/delivery-queue.js';
import { BullFollowUps, startFollowUpWorker } from '../jobs/follow-ups.js';
import { Pacer } from '../src/delivery/pacer.js';
import type { Deps } from '../src/deps.js';

// FerretDB (SQLite) saturates one core at about 30 concurrent workers; raise it against a real MongoDB.
const WORKERS = Number(process.env.BENCH_WORKERS ?? 30);
const SEARCHES = 200;

const ferret = process.env.MONGODB_URI ? null : await startFerretDb();
const mongoUri = `${process.env.MONGODB_URI ?? ferret!.uri}sk_bench_${randomBytes(3).toString('hex')}`;
await connectMongo(mongoUri);
const redisPrefix = `sk-bench-${randomBytes(3).toString('hex')}:`;
const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', redisPrefix);
await checkRedis(redis);
const tg = await FakeTelegram.start({ rateLimits: false });

const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number): string => `${x.toFixed(1)} ms`;
let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

// 1. A 5-level tree of 10,000 grassroots unions.
const lines = ['code,name,parent_code,level', 'VN,Tổng Liên đoàn Lao động Việt Nam,,national'];
for (let p = 1; p <= 20; p++) {
  lines.push(`P${p},LĐLĐ tỉnh ${p},VN,province`);
  for (let d = 1; d <= 5; d++) {
    lines.push(`P${p}-D${d},Công đoàn huyện ${p}.${d},P${p},upper`);
    for (let z = 1; z <= 4; z++) {
      lines.push(`P${p}-D${d}-Z${z},Công đoàn KCN ${p}.${d}.${z},P${p}-D${d},upper`);
      for (let g = 1; g <= 25; g++) lines.push(`P${p}-D${d}-Z${z}-G${g},Công ty May số ${p}.${d}.${z}.${g},P${p}-D${d}-Z${z},grassroots`);
    }
  }
}
let t = performance.now();
const imported = await importUnits(`${lines.join('\n')}\n`);
if (!imported.ok) throw new Error('bench tree rejected');
console.log(`import-units: ${imported.created} units in ${ms(performance.now() - t)}`);

// 2. Searching a union by accent-free words among 10,000.
const searchTimes: number[] = [];
for (let i = 0; i < SEARCHES; i++) {
  t = performance.now();
  await searchGrassroots(`cong ty may so ${1 + (i % 20)}.${1 + (i % 5)}.${1 + (i % 4)}.${1 + (i % 25)}`, 8);
  searchTimes.push(performance.now() - t);
}
console.log(`unit search (${SEARCHES}x over 10,000 units): p50 ${ms(percentile(searchTimes, 50))}, p95 ${ms(percentile(searchTimes, 95))}`);

// 3. Workers registering and submitting, all at once, against one bot process in webhook mode.
const port = await freePort();
const config = loadConfig({
  TELEGRAM_BOT_TOKEN: tg.token,
  TELEGRAM_API_ROOT: tg.apiRoot,
  MONGODB_URI: mongoUri,
  TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
  TELEGRAM_WEBHOOK_SECRET: 'bench-secret-0123456789',
  PORT: String(port),
});
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const outbox = BullOutbox.open({ url: redisUrl, prefix: redisPrefix });
const followUps = BullFollowUps.open({ url: redisUrl, prefix: redisPrefix });
const deps: Deps = { clock: systemClock, i18n: new I18n(), log: createLogger('error'), redis, senders: {}, pacer: new Pacer(redis), outbox, followUps, files: {} };
const followUpWorker = startFollowUpWorker(deps, { url: redisUrl, prefix: redisPrefix });
const bot = await startTelegram(deps, { ...config, TELEGRAM_BOT_TOKEN: tg.token });

// Every province's support team works in its own group: each initiative becomes a card there.
const teamGroups = [];
for (let p = 1; p <= 20; p++) {
  const lead = tg.user({ id: 600_000 + p, first_name: `Tổ hỗ trợ ${p}` });
  const member = await ensureMemberForAccount({ channel: 'telegram', externalId: String(lead.id) }, systemClock);
  await grantRole(member._id, `P${p}`, 'support');
  const group = tg.group({ id: -100_600_000 - p, title: `Tổ hỗ trợ sáng kiến P${p}`, members: [lead] });
  await group.send(lead, `/linkgroup P${p}`);
  teamGroups.push(group);
}

const actionTimes: number[] = [];
// People read before they answer. Without a pause the bot's own per-chat pacing (Telegram's 1 message/s
// per chat) would be all this measures; with it, the figure is the bot's time to answer.
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const timed = async (action: () => Promise<void>): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve, THINK_MS));
  const start = performance.now();
  await action();
  actionTimes.push(performance.now() - start);
};

async function worker(user: FakeUser, n: number): Promise<void> {
  await timed(() => user.send('/start'));
  await timed(() => user.pressLatest('🇻🇳 Tiếng Việt'));
  await timed(() => user.send(`P${1 + (n % 20)}-D1-Z1-G${1 + (n % 25)}`));
  await timed(() => user.send('Bỏ qua'));
  await timed(() => user.send(`Ý tưởng nhanh số ${n}: lắp đèn cảm biến ở kho`));
  await timed(() => user.pressLatest('📨 Gửi ý tưởng'));
  await timed(() => user.send('/submit'));
  for (const answer of [`Sáng kiến ${n}`, 'Thực trạng', 'Giải pháp', 'Hiệu quả', '50tr', 'Toàn công ty']) await timed(() => user.send(answer));
  await timed(() => user.pressLatest('Hiệu quả'));
  await timed(() => user.send('bỏ qua'));
  await timed(() => user.sendPhoto());
  await timed(() => user.send('xong'));
  await timed(() => user.pressLatest('Không'));
  await timed(() => user.pressLatest('✅ Gửi sáng kiến'));
  if (!user.lastReplies.some((m) => m.plainText.includes('SK-'))) throw new Error(`worker ${n} got no code`);
}

const users = Array.from({ length: WORKERS }, (_, i) => tg.user({ id: 500_000 + i, first_name: `Công nhân ${i}` }));
t = performance.now();
await Promise.all(users.map((u, i) => worker(u, i)));
const seconds = (performance.now() - t) / 1000;
console.log(
  `${WORKERS} workers at once, registration + quick idea + full form each: ${actionTimes.length} updates in ${seconds.toFixed(1)} s` +
    ` = ${(actionTimes.length / seconds).toFixed(0)} updates/s, ${((WORKERS * 2) / seconds).toFixed(1)} initiatives/s`,
);
console.log(
  `time from a worker's message to the bot's answer: p50 ${ms(percentile(actionTimes, 50))}, p95 ${ms(percentile(actionTimes, 95))}, p99 ${ms(percentile(actionTimes, 99))}`,
);
const cards = teamGroups.reduce((n, g) => n + g.transcript.filter((m) => m.plainText.startsWith('📥')).length, 0);
console.log(`cards posted to the 20 provincial team groups: ${cards} of ${WORKERS * 2} initiatives`);
// 4. Monday morning: every officer's weekly ping (numbers + chart) fans out through the delivery
// queue, against the fake Telegram's real flood limits (30 messages/s, 1/s per chat with short bursts).
const OFFICERS = Number(process.env.BENCH_OFFICERS ?? 300);
await CampaignModel.create({ code: 'BENCH', name: 'Bench', startDate: new Date('2026-01-01'), endDate: new Date('2026-12-31') });
const provinces = Array.from({ length: 20 }, (_, p) => `P${p + 1}`);
await TargetModel.insertMany(provinces.flatMap((p) => [p, ...[1, 2, 3, 4, 5].map((d) => `${p}-D${d}`)]).map((unitCode) => ({ campaignCode: 'BENCH', unitCode, target: 1000 })));
for (let i = 0; i < OFFICERS; i++) {
  const officer = tg.user({ id: 700_000 + i, first_name: `Cán bộ ${i}` });
  await officer.send('/help');
  const member = await ensureMemberForAccount({ channel: 'telegram', externalId: String(officer.id) }, systemClock);
  await grantRole(member._id, provinces[i % provinces.length]!, 'officer');
}
tg.setRateLimits(DEFAULT_RATE_LIMITS);
const monday = { ...deps, clock: { now: () => new Date('2026-11-23T01:00:00Z') } }; // 08:00 in Vietnam
const deliveryWorker = startDeliveryWorker(monday, { url: redisUrl, prefix: redisPrefix });
const sendsBefore = tg.calls.length;
t = performance.now();
const queued = await sendWeeklyPings(monday);
const queuedIn = performance.now() - t;
while ((await DeliveryModel.countDocuments({ key: /^weekly:/, status: { $in: ['pending', 'sending'] } })) > 0) await new Promise((r) => setTimeout(r, 100));
const fanOut = (performance.now() - t) / 1000;
const sends = tg.calls.slice(sendsBefore).filter((c) => c.method === 'sendMessage' || c.method === 'sendPhoto');
const delivered = sends.filter((c) => c.ok).length;
const tooMany = sends.filter((c) => c.errorCode === 429).length;
const pings = new Map<number, number>();
for (const c of sends) if (c.ok && c.method === 'sendMessage') pings.set(Number(c.params.chat_id), (pings.get(Number(c.params.chat_id)) ?? 0) + 1);
console.log(
  `weekly pings to ${OFFICERS} officers: ${queued} queued in ${ms(queuedIn)}, ${delivered} messages (text + chart) delivered in ${fanOut.toFixed(1)} s` +
    ` = ${(delivered / fanOut).toFixed(1)} messages/s under Telegram's 30/s; 429 answers: ${tooMany}; officers with more than one ping: ${[...pings.values()].filter((n) => n > 1).length}`,
);
await deliveryWorker.close();
clearInterval(rssTimer);
console.log(`peak RSS of this process (bot + fake Telegram + bench): ${(peakRss / 2 ** 20).toFixed(0)} MiB`);

await bot.stop();
await followUpWorker.close();
await followUps.close();
await outbox.close();
await tg.stop();
await redis.quit();
await disconnectMongo();
await ferret?.stop();
