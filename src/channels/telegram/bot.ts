import { Bot, GrammyError, type Api, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { autoRetry } from '@grammyjs/auto-retry';
import { handleEvent, COMMAND_NAMES } from '../../../handlers/index.js';
import type { Deps } from '../../deps.js';
import { msg } from '../../i18n.js';
import { LOCALES } from '../../models/index.js';
import type { HandleResult, InboundEvent } from '../types.js';
import { toInboundEvent } from './inbound.js';
import { TelegramSender } from './send.js';
import { UnreachableError } from '../sender.js';
import type { Pacer } from '../../delivery/pacer.js';

export interface TelegramOptions {
  token: string;
  apiRoot: string;
  /** Known bot identity; skips the getMe call at start (tests pass the fake's). */
  botInfo?: UserFromGetMe;
}

/** The grammY bot: turns each update into an InboundEvent, lets handlers/ answer, renders the answer. */
export function createTelegramBot(deps: Deps, opts: TelegramOptions): Bot {
  const bot = new Bot(opts.token, { client: { apiRoot: opts.apiRoot }, ...(opts.botInfo ? { botInfo: opts.botInfo } : {}) });
  withPacingAndRetries(bot.api, deps.pacer);

  bot.use(async (ctx) => {
    const event = toInboundEvent(ctx);
    let notice: string | undefined;
    try {
      if (!event) return;
      const result: HandleResult | null = await handleEvent(event, deps).catch(async (err: unknown) => {
        deps.log.error({ err, eventId: event.eventId, chatId: event.chatId }, 'handling an update failed');
        return { locale: 'vi', replies: [{ parts: [msg('error-generic')] }] } satisfies HandleResult;
      });
      if (result?.buttonNotice) notice = deps.i18n.render(result.locale, result.buttonNotice);
      if (result) await send(ctx, deps, event, result);
    } finally {
      if (ctx.callbackQuery) {
        await ctx.answerCallbackQuery(notice ? { text: notice } : {}).catch((err: unknown) => deps.log.warn({ err }, 'answerCallbackQuery failed'));
      }
    }
  });
  bot.catch((err) => deps.log.error({ err: err.error, updateId: err.ctx.update.update_id }, 'unhandled bot error'));
  return bot;
}

async function send(ctx: Context, deps: Deps, event: InboundEvent, result: HandleResult): Promise<void> {
  if (result.closeButtons && ctx.callbackQuery?.message) {
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(ignoreNotModified);
  }
  const sender = new TelegramSender(ctx.api, deps.i18n);
  try {
    for (const r of result.replies) await sender.send(event.chatId, result.locale, r);
  } catch (err) {
    if (!(err instanceof UnreachableError)) throw err;
    deps.log.warn({ chatId: event.chatId, eventId: event.eventId }, 'cannot answer: the bot was blocked or removed');
  }
}

function ignoreNotModified(err: unknown): void {
  if (err instanceof GrammyError && /not modified/.test(err.description)) return;
  throw err;
}

/** Methods that put a message in a chat, and so count against Telegram's flood limits. */
const PACED_METHOD = /^(send(?!ChatAction)|edit|copy|forward)/;
/** A 429 asking for a longer wait than this fails the call: a proactive delivery goes back to the queue. */
const MAX_INLINE_WAIT_S = 10;

/**
 * Every message waits for its turn under Telegram's limits, shared with other processes through Redis:
 * its own chat's slot first, then a bot-wide one, so a busy group never delays a reply to anyone else.
 * A chat with no slot of its own within MAX_CHAT_WAIT_MS (a group many senders compete for) fails the
 * call with ChatBusyError, a RetryLaterError: a delivery goes back to the queue.
 * A 429 holds back every process for its retry_after, then the call is tried again (twice at most);
 * 5xx answers are retried with a short backoff.
 */
export function withPacingAndRetries(api: Api, pacer: Pacer): Api {
  api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 0, rethrowHttpErrors: true }));
  api.config.use(async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: number | string }).chat_id;
    if (!PACED_METHOD.test(method) || chatId === undefined) return prev(method, payload, signal);
    for (let attempt = 0; ; attempt++) {
      await pacer.wait('telegram', String(chatId));
      const res = await prev(method, payload, signal);
      const retryAfter = res.ok ? undefined : res.parameters?.retry_after;
      if (retryAfter === undefined || retryAfter > MAX_INLINE_WAIT_S || attempt >= 2) return res;
      await pacer.holdOff('telegram', retryAfter * 1000);
    }
  });
  return api;
}

/** The command menu Telegram shows, in each language. */
export async function publishCommands(bot: Bot, deps: Deps): Promise<void> {
  for (const locale of LOCALES) {
    const commands = COMMAND_NAMES.map((command) => ({ command, description: deps.i18n.t(locale, `command-${command}`) }));
    await bot.api.setMyCommands(commands, locale === 'vi' ? {} : { language_code: locale });
  }
}
