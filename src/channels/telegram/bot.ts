import { Bot, GrammyError, type Context } from 'grammy';
import type { UserFromGetMe, Message } from 'grammy/types';
import { sequentialize } from '@grammyjs/runner';
import { LOCALES } from '../../core/channel.js';
import { reply, type HandleResult } from '../../core/reply.js';
import { STARTUP_CHECK_MS, StartupError } from '../../core/startup-error.js';
import type { I18n } from '../../core/i18n.js';
import { answerOf, sendReplies, type AdapterPorts } from '../answer.js';
import { TelegramSender } from './send.js';
import { withPacingAndRetries } from './pacing.js';
import type { InboundEvent, InboundPayload } from '../../core/event.js';

export interface TelegramOptions {
  token: string;
  apiRoot: string;
  /** Known bot identity; skips the getMe call at start (tests pass the fake's). */
  botInfo?: UserFromGetMe;
}

/** The grammY bot: turns each update into an InboundEvent, lets handlers/ answer, renders the answer. */
export function createTelegramBot(ports: AdapterPorts, opts: TelegramOptions): Bot {
  const bot = new Bot(opts.token, {
    client: { apiRoot: opts.apiRoot },
    ...(opts.botInfo ? { botInfo: opts.botInfo } : {}),
  });
  withPacingAndRetries(bot.api, ports.pacing);
  const toasts = new WeakMap<Context, Toast>();
  // A pressed button spins until answered (and Telegram refuses answers after ~15 s): its toast goes out
  // as soon as the press is handled, before the replies, and at the latest TOAST_WITHIN_MS after the press
  // reached the bot, counted before it waits for its chat's turn.
  bot.use(async (ctx, next) => {
    if (!ctx.callbackQuery) return next();
    const toast = new Toast(ctx, ports);
    toasts.set(ctx, toast);
    try {
      await next();
    } finally {
      await toast.show();
    }
  });
  // Concurrent across chats, one at a time per chat and per person, so a person's messages are
  // answered in the order they were sent.
  bot.use(sequentialize(updateLanes));

  bot.use(async (ctx) => {
    const event = toInboundEvent(ctx);
    if (!event) return;
    const result = await answerOf(ports, event);
    if (!result) return;
    const notice = result.buttonNotice;
    const shown = await toasts.get(ctx)?.show(notice ? ports.i18n.render(result.locale, notice) : undefined);
    // A notice the toast can no longer carry (it went out empty, the press taking long) is sent as a message.
    const late = notice && shown === false;
    await send(ctx, ports, event, late ? { ...result, replies: [reply(notice), ...result.replies] } : result);
  });
  bot.catch((err) => ports.log.error({ err: err.error, updateId: err.ctx.update.update_id }, 'unhandled bot error'));
  return bot;
}

/** A press whose handling is not done by then gets an empty toast, so its spinner stops. */
const TOAST_WITHIN_MS = 700;

/** The one answer to a pressed button: with a notice when it comes in time, empty otherwise. */
class Toast {
  private sent = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly ctx: Context,
    private readonly ports: AdapterPorts,
  ) {
    this.timer = setTimeout(() => void this.show(), TOAST_WITHIN_MS);
  }

  /** False when the toast went out already (without this notice). */
  async show(notice?: string): Promise<boolean> {
    if (this.sent) return false;
    this.sent = true;
    clearTimeout(this.timer);
    await this.ctx
      .answerCallbackQuery(notice ? { text: notice } : {})
      .catch((err: unknown) => this.ports.log.warn({ err }, 'answerCallbackQuery failed'));
    return true;
  }
}

function updateLanes(ctx: Context): string[] {
  const lanes: string[] = [];
  if (ctx.chat) lanes.push(`chat:${ctx.chat.id}`);
  if (ctx.from) lanes.push(`user:${ctx.from.id}`);
  return lanes;
}

async function send(ctx: Context, ports: AdapterPorts, event: InboundEvent, result: HandleResult): Promise<void> {
  if (result.closeButtons && ctx.callbackQuery?.message) {
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(ignoreNotModified);
  }
  await sendReplies(ports, new TelegramSender(ctx.api, ports.i18n), event, result);
}

function ignoreNotModified(err: unknown): void {
  if (err instanceof GrammyError && /not modified/.test(err.description)) return;
  throw err;
}

/**
 * Asks Telegram who the bot is (getMe), giving up after a few seconds with one line that says what to
 * check: grammY alone would wait for minutes with no output when Telegram cannot be reached.
 */
export async function introduce(bot: Bot, apiRoot: string): Promise<void> {
  const signal = AbortSignal.timeout(STARTUP_CHECK_MS) as unknown as Parameters<Bot['init']>[0];
  await bot.init(signal).catch((err: unknown) => {
    if (err instanceof GrammyError && err.error_code === 401) {
      throw new StartupError(
        'Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized): copy the token again from @BotFather',
        { cause: err },
      );
    }
    if (err instanceof GrammyError)
      throw new StartupError(`Telegram answered getMe with ${err.error_code} ${err.description}`, { cause: err });
    throw new StartupError(
      `Telegram did not answer getMe at ${apiRoot} within ${STARTUP_CHECK_MS / 1000} s: check this machine's route to it (proxy, firewall) or TELEGRAM_API_ROOT`,
      { cause: err },
    );
  });
}

/** The command menu Telegram shows, in each language. */
export async function publishCommands(bot: Bot, i18n: I18n, commandNames: string[]): Promise<void> {
  for (const locale of LOCALES) {
    const commands = commandNames.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }));
    await bot.api.setMyCommands(commands, locale === 'vi' ? {} : { language_code: locale });
  }
}

/** Telegram update -> our channel-neutral event; null for updates no handler answers (edits, joins...). */
export function toInboundEvent(ctx: Context): InboundEvent | null {
  const from = ctx.from;
  const chat = ctx.chat;
  if (!from || !chat || from.is_bot || chat.type === 'channel') return null;
  const payload =
    ctx.callbackQuery?.data !== undefined
      ? buttonPayload(ctx.callbackQuery.data)
      : (serviceMessage(ctx.message) ?? messagePayload(ctx.message, ctx.me.username));
  if (!payload) return null;
  return {
    channel: 'telegram',
    eventId: String(ctx.update.update_id),
    userId: String(from.id),
    chatId: String(chat.id),
    chatType: chat.type === 'private' ? 'private' : 'group',
    messageId: messageIdOf(ctx),
    replyToMessageId: ctx.message?.reply_to_message ? String(ctx.message.reply_to_message.message_id) : null,
    ...(ctx.message?.reply_to_message ? { replyToBot: ctx.message.reply_to_message.from?.id === ctx.me.id } : {}),
    chatTitle: 'title' in chat ? (chat.title ?? null) : null,
    profile: {
      name: [from.first_name, from.last_name].filter(Boolean).join(' '),
      languageCode: from.language_code ?? null,
    },
    payload,
  };
}

function messageIdOf(ctx: Context): string | null {
  const id = ctx.callbackQuery?.message?.message_id ?? ctx.message?.message_id;
  return id === undefined ? null : String(id);
}

/** Service messages Telegram posts in groups (bots receive them even in privacy mode). */
const SERVICE_FIELDS = [
  'new_chat_members',
  'left_chat_member',
  'new_chat_title',
  'new_chat_photo',
  'delete_chat_photo',
  'group_chat_created',
  'supergroup_chat_created',
  'pinned_message',
  'message_auto_delete_timer_changed',
  'video_chat_started',
  'video_chat_ended',
  'video_chat_scheduled',
  'video_chat_participants_invited',
  'forum_topic_created',
  'forum_topic_edited',
  'forum_topic_closed',
  'forum_topic_reopened',
  'boost_added',
  'chat_background_set',
] as const;

function serviceMessage(message: Message | undefined): InboundPayload | null {
  if (!message) return null;
  const chatId = String(message.chat.id);
  if (message.migrate_to_chat_id !== undefined)
    return { kind: 'chat_moved', fromChatId: chatId, toChatId: String(message.migrate_to_chat_id) };
  if (message.migrate_from_chat_id !== undefined)
    return { kind: 'chat_moved', fromChatId: String(message.migrate_from_chat_id), toChatId: chatId };
  return SERVICE_FIELDS.some((f) => f in message) ? { kind: 'service' } : null;
}

const buttonPayload = (data: string): InboundPayload => ({ kind: 'button', data });

function messagePayload(message: Message | undefined, botUsername: string): InboundPayload | null {
  if (!message) return null;
  if (message.text !== undefined) return textPayload(message.text, message, botUsername);
  if (message.contact) {
    return {
      kind: 'contact',
      phone: message.contact.phone_number,
      ownContact: message.contact.user_id === message.from?.id,
    };
  }
  const caption = message.caption ?? '';
  const photo = message.photo?.at(-1); // sizes come smallest first
  if (photo) {
    return {
      kind: 'media',
      caption,
      attachment: {
        kind: 'photo',
        fileId: photo.file_id,
        fileUniqueId: photo.file_unique_id,
        fileName: null,
        mimeType: 'image/jpeg',
        size: photo.file_size ?? null,
        width: photo.width,
        height: photo.height,
      },
    };
  }
  if (message.document) {
    const d = message.document;
    return {
      kind: 'media',
      caption,
      attachment: {
        kind: 'document',
        fileId: d.file_id,
        fileUniqueId: d.file_unique_id,
        fileName: d.file_name ?? null,
        mimeType: d.mime_type ?? null,
        size: d.file_size ?? null,
        width: null,
        height: null,
      },
    };
  }
  return { kind: 'unsupported' };
}

function textPayload(text: string, message: Message, botUsername: string): InboundPayload | null {
  const entity = message.entities?.[0];
  if (entity?.type !== 'bot_command' || entity.offset !== 0) return { kind: 'text', text };
  const [name = '', target] = text.slice(1, entity.length).split('@');
  // "/help@other_bot" in a group is meant for another bot.
  if (target && target.toLowerCase() !== botUsername.toLowerCase()) return null;
  return { kind: 'command', command: name.toLowerCase(), args: text.slice(entity.length).trim() };
}
