import { Queue } from 'bullmq';
import type { RunningApp } from '../connections.js';
import type { Config } from '../config.js';
import type { HttpServer } from '../channels/http.js';
import type { Logger } from '../logger.js';
import { MongoOaTokenStore } from '../services/zalo-tokens.service.js';
import { SUPPORT_QUEUE } from '../../jobs/index.js';
import { FakeTelegram } from './fakes/telegram-server.js';
import { RedisInbox } from '../delivery/inbox.js';
import { TELEGRAM_INBOX } from '../channels/telegram/stored-updates.js';
import { OA_INBOX } from '../channels/zalo/oa-channel.js';
import { FakeZalo } from './fakes/zalo-server.js';
import { TelegramPane, ZaloOaPane, type Pane, type PaneId } from './chats.js';
import { PlaygroundClock, type Jump } from './clock.js';
import { FAKE_TELEGRAM_TOKEN, FAKE_ZALO, PERSONAS, TEAM_GROUP } from './personas.js';
import { seedPlayground } from './seed.js';
import { playgroundRoutes } from './routes.js';

/** The jobs each jump of the clock runs at once, as their schedulers would at that time (progress folded first). */
const JOBS_AFTER: Record<Jump, string[]> = {
  'next-monday-0730': ['fold-progress', 'weekly-progress'],
  'tomorrow-0800': ['fold-progress', 'lagging-nudges', 'pledge-deadlines', 'weekly-progress'],
};

/**
 * The bot with no tokens: the fake Telegram and Zalo servers the tests use, the real bot and jobs
 * pointed at them, demo data, and a page (served by the bot's own HTTP server) where a person plays
 * four people at once.
 */
export class Playground {
  private panes = new Map<PaneId, Pane>();
  private jobs: Queue | null = null;

  private constructor(
    readonly clock: PlaygroundClock,
    readonly tg: FakeTelegram,
    readonly zalo: FakeZalo,
    private readonly refreshToken: string,
  ) {}

  static async start(): Promise<Playground> {
    const clock = new PlaygroundClock();
    const tg = await FakeTelegram.start({
      token: FAKE_TELEGRAM_TOKEN,
      botUsername: 'sang_kien_playground_bot',
      now: clock.nowMs,
    });
    const zalo = new FakeZalo({ now: clock.nowMs, ...FAKE_ZALO, oaName: 'Công đoàn Việt Nam – Sáng kiến' });
    await zalo.start();
    // One clock for the fakes, the bot and its jobs.
    return new Playground(clock, tg, zalo, zalo.issueTokens().refreshToken);
  }

  /** The settings that point the real bot at the fakes, as an operator would write them in .env. */
  env(): Record<string, string> {
    return {
      TELEGRAM_BOT_TOKEN: this.tg.token,
      TELEGRAM_API_ROOT: this.tg.apiRoot,
      ZALO_OA_APP_ID: FAKE_ZALO.appId,
      ZALO_OA_ID: FAKE_ZALO.oaId,
      ZALO_OA_APP_SECRET: FAKE_ZALO.appSecretKey,
      ZALO_OA_SECRET_KEY: FAKE_ZALO.oaSecretKey,
      ZALO_OA_REFRESH_TOKEN: this.refreshToken,
      ZALO_OA_PHONE_FORM_IMAGE_URL: 'https://congdoan.example/logo.png',
      ZALO_OA_API_ROOT: this.zalo.url,
      ZALO_OAUTH_ROOT: this.zalo.url,
    };
  }

  /** Once the bot runs: this start's Zalo tokens, the demo data, the four people, the page. */
  async attach(app: RunningApp, http: HttpServer, config: Config, log: Logger): Promise<void> {
    // The OA tokens stored by an earlier start were issued by an earlier fake: start from this one's consent.
    await new MongoOaTokenStore().save(FAKE_ZALO.appId, {
      accessToken: '-',
      refreshToken: this.refreshToken,
      accessExpiresAt: new Date(0),
    });
    this.zalo.setOaWebhook(`http://127.0.0.1:${config.PORT}${config.ZALO_OA_WEBHOOK_PATH}`);
    // The bot takes an update once stored in its inbox and answers right after: a pane shows the answer
    // before the person's action returns.
    const inbox = new RedisInbox(app.deps.redis, log);
    this.tg.afterUpdate = () => inbox.emptied(TELEGRAM_INBOX);
    this.zalo.afterEvent = () => inbox.emptied(OA_INBOX);
    const seeded = await seedPlayground(this.clock, app.deps.redis);
    this.panes = this.people();
    this.jobs = new Queue(SUPPORT_QUEUE, {
      connection: { url: config.REDIS_URL },
      prefix: `${config.REDIS_KEY_PREFIX}bull`,
    });
    for (const [path, handler, method] of playgroundRoutes(this, app.deps.i18n, log)) http.route(path, handler, method);
    log.info(
      { units: seeded.units, firstSeed: seeded.campaignCreated },
      `playground ready at http://localhost:${config.PORT}/ (no messenger configured: fake Telegram at ${this.tg.apiRoot}, fake Zalo at ${this.zalo.url})`,
    );
  }

  private people(): Map<PaneId, Pane> {
    const { zaloWorker, telegramWorker, teamMember, officer } = PERSONAS;
    const now = this.clock.nowMs;
    const tgUser = (p: { id: number; firstName: string; lastName: string }) =>
      this.tg.user({ id: p.id, first_name: p.firstName, last_name: p.lastName, language_code: 'vi' });
    const worker = tgUser(telegramWorker);
    const member = tgUser(teamMember);
    const boss = tgUser(officer);
    const group = this.tg.group({ id: TEAM_GROUP.id, title: TEAM_GROUP.title, members: [member], botIsAdmin: true });
    const team = new TelegramPane('team', this.tg, member, group, now);
    const officerPane = new TelegramPane('officer', this.tg, boss, null, now);
    // Staff opened the bot before (a bot writes first only to people who did).
    team.opened();
    officerPane.opened();
    const zaloUser = this.zalo.oaUser({
      name: zaloWorker.name,
      id: zaloWorker.zaloId,
      idByApp: zaloWorker.zaloIdByApp,
      phone: zaloWorker.phone,
    });
    return new Map<PaneId, Pane>([
      ['zalo', new ZaloOaPane(zaloUser, now)],
      ['telegram', new TelegramPane('telegram', this.tg, worker, null, now)],
      ['team', team],
      ['officer', officerPane],
    ]);
  }

  pane(id: PaneId): Pane {
    const pane = this.panes.get(id);
    if (!pane) throw new Error(`no pane ${id}`);
    return pane;
  }

  allPanes(): Pane[] {
    return [...this.panes.values()];
  }

  /** Moves the clock and runs the jobs due then, through the real job queue. */
  async jump(to: Jump): Promise<Date> {
    const at = this.clock.jump(to);
    for (const name of JOBS_AFTER[to]) await this.jobs?.add(name, {}, { removeOnComplete: 100, removeOnFail: 1000 });
    return at;
  }

  async stop(): Promise<void> {
    await this.jobs?.close();
    await this.zalo.stop();
    await this.tg.stop();
  }
}
