import mongoose from 'mongoose';
import { startApp } from '../src/app.js';
import type { RunningApp } from '../src/connections.js';
import { loadConfig } from '../src/config.js';
import type { FakeUser } from '../src/playground/fakes/telegram-server.js';
import { countCommands, describeCommands } from '../test/support/db-commands.js';
import { isSend, toastKey } from './call-watch.js';
import type { PhaseWorld } from './phase-world.js';
import { sleep } from './stats.js';
import { freePort } from '../test/support/net.js';

/**
 * The bot inside the bench process (startApp, long polling, no jobs), so the driver's command
 * monitoring sees every database command it sends. An action ends once the bot answered it, the
 * person's chat got nothing more for QUIET_MS, and the database saw nothing from the bot for QUIET_MS:
 * work the bot finishes after answering (a chart) is counted and timed too. Calls to Telegram do not
 * count as the bot's activity: the worker process (cards, deliveries) makes them too, all the time.
 */

const QUIET_MS = 400;
/** Longer than the pacer's 1 s between two messages to one private chat: a reply in two parts is one answer. */
const CHAT_QUIET_MS = 1_500;
const MAX_SETTLE_MS = 60_000;
const ANSWER_TIMEOUT_MS = 180_000;

export interface Measured {
  commands: number;
  ms: number;
  /** "find units ×2, insert initiatives": what the action sent. */
  breakdown: string;
}

export interface InProcessBot {
  app: RunningApp;
  /** Runs `action` and counts the database commands it causes, until the bot falls quiet. */
  measure(action: () => Promise<unknown>): Promise<Measured>;
  /** A person writes `text` and the bot answers in their chat. */
  say(user: FakeUser, text: string): Promise<void>;
  /** A person presses a button of the bot's latest message that has it, and the bot answers the press. */
  tap(user: FakeUser, button: string, press?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export async function startInProcessBot(world: PhaseWorld): Promise<InProcessBot> {
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: world.tg.token,
    TELEGRAM_API_ROOT: world.tg.apiRoot,
    MONGODB_URI: world.scope.mongoUri,
    REDIS_URL: world.scope.redisUrl,
    REDIS_KEY_PREFIX: world.scope.redisPrefix,
    LOG_LEVEL: 'warn',
    JOBS_IN_BOT: 'false',
    // Its /healthz server on a port of its own (8080 may be taken).
    PORT: String(await freePort()),
  });
  // The bench connected first with command monitoring on; startApp reuses that connection (same URI).
  const app = await startApp(config);
  let lastActivityAt = Date.now();
  const client = mongoose.connection.getClient();
  const onCommand = () => (lastActivityAt = Date.now());
  client.on('commandStarted', onCommand);
  const settle = async () => {
    const giveUpAt = Date.now() + MAX_SETTLE_MS;
    while (Date.now() - lastActivityAt < QUIET_MS && Date.now() < giveUpAt) await sleep(50);
  };
  /** When the fake saw the last message of the latest answer waited for (its chat then fell quiet). */
  let lastAnswerAt = 0;
  const answered = async (key: string | number, chat: number, trigger: () => Promise<void>) => {
    const answer = world.watch.next(
      key,
      (c) => isSend(c) || c.method === 'answerCallbackQuery',
      Date.now() + ANSWER_TIMEOUT_MS,
    );
    let failed: unknown;
    // In long polling the trigger resolves when the fake sees the update confirmed, which need not be after the answer.
    trigger().catch((err: unknown) => (failed = err));
    const first = await answer;
    if (!first)
      throw new Error(failed ? String(failed) : `the bot did not answer within ${ANSWER_TIMEOUT_MS / 1000} s`);
    // A button's toast comes before the replies it causes: the next step waits until the chat falls quiet.
    lastAnswerAt = Math.max(first.at, await chatQuiet(chat));
  };
  /** Waits until nothing was sent to the chat for CHAT_QUIET_MS; returns when the last of it was sent. */
  const chatQuiet = async (chat: number): Promise<number> => {
    let last = 0;
    for (let sent; (sent = await world.watch.next(chat, isSend, Date.now() + CHAT_QUIET_MS));) last = sent.at;
    return last;
  };
  return {
    app,
    async measure(action) {
      await settle();
      const start = Date.now();
      let actionEnd = start;
      const { commands } = await countCommands(async () => {
        const answersBefore = lastAnswerAt;
        await action();
        // A message or tap ends with the last message of its answer; the quiet waited after it is not the
        // action's, nor are other chats' messages the pacer still sends (an earlier action's cards).
        actionEnd = lastAnswerAt > answersBefore ? lastAnswerAt : Date.now();
        await settle();
      });
      return {
        commands: commands.length,
        ms: actionEnd - start,
        breakdown: describeCommands(commands),
      };
    },
    say: (user, text) => answered(user.chatId, user.chatId, () => user.send(text)),
    tap: (user, button, press) => answered(toastKey(user.id), user.chatId, press ?? (() => user.pressLatest(button))),
    async stop() {
      client.off('commandStarted', onCommand);
      await app.stop();
    },
  };
}
