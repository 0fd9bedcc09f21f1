import { GrammyError, InputFile, type Api } from 'grammy';
import type { Message, ForceReply, InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'grammy/types';
import {
  ChatMovedError,
  RejectedError,
  RetryLaterError,
  UnreachableError,
  type ChannelSender,
  type Sent,
} from '../../core/sender.js';
import type { ChartSpec, Reply } from '../../core/reply.js';
import { renderChart } from '../charts/render-chart.js';
import { ChartCache, chartKey } from '../charts/chart-cache.js';
import { chartInput } from '../chart-input.js';
import type { I18n } from '../../core/i18n.js';
import type { Locale } from '../../core/channel.js';
import { splitMessage } from '../../core/text.js';

/** Sends rendered replies through the Bot API: text parts, then the files, all in one chat. */
export class TelegramSender implements ChannelSender {
  /** File ids of the charts sent, for the next officer of the same unit. */
  private readonly charts = new ChartCache();

  constructor(
    private readonly api: Api,
    private readonly i18n: I18n,
  ) {}

  async send(chatId: string, locale: Locale, reply: Reply): Promise<Sent> {
    const ids: string[] = [];
    const messages = renderForTelegram(this.i18n, locale, reply);
    try {
      const replyTo = reply.replyToMessageId
        ? { reply_parameters: { message_id: Number(reply.replyToMessageId), allow_sending_without_reply: true } }
        : {};
      for (const m of messages) {
        const sent = await this.api.sendMessage(chatId, m.text, {
          parse_mode: 'HTML',
          ...(m.reply_markup ? { reply_markup: m.reply_markup } : {}),
          ...(reply.noLinkPreview ? { link_preview_options: { is_disabled: true } } : {}),
          ...replyTo,
        });
        ids.push(String(sent.message_id));
      }
      // Files belong to the message they came with (a card, a relay): they reply to it, with a caption naming it.
      const thread = reply.replyToMessageId ?? ids[0];
      const fileOptions = {
        ...(thread ? { reply_parameters: { message_id: Number(thread), allow_sending_without_reply: true } } : {}),
        ...(reply.attachmentCaption
          ? { caption: this.i18n.html(locale, reply.attachmentCaption), parse_mode: 'HTML' as const }
          : {}),
      };
      for (const file of reply.attachments ?? []) {
        const sent =
          file.kind === 'photo'
            ? await this.api.sendPhoto(chatId, file.fileId, fileOptions)
            : await this.api.sendDocument(chatId, file.fileId, fileOptions);
        ids.push(String(sent.message_id));
      }
      for (const file of reply.files ?? []) {
        const document = new InputFile(Buffer.from(file.base64, 'base64'), file.name);
        ids.push(String((await this.api.sendDocument(chatId, document, replyTo)).message_id));
      }
      for (const chart of reply.charts ?? [])
        ids.push(String((await this.sendChart(chatId, locale, chart)).message_id));
    } catch (err) {
      throw unreachableOr(err);
    }
    return { ids, parts: messages.length };
  }

  /**
   * Drawn and uploaded once per content, by the first recipient's send; every other recipient gets the
   * photo Telegram already holds, by its file id.
   */
  private async sendChart(chatId: string, locale: Locale, chart: ChartSpec): Promise<Message.PhotoMessage> {
    const input = chartInput(this.i18n, locale, chart);
    let uploading: Promise<Message.PhotoMessage> | undefined;
    const fileId = this.charts.idFor(chartKey(input), () => {
      uploading = this.api.sendPhoto(chatId, new InputFile(renderChart(input), `${input.kind}.png`), {
        caption: input.title,
      });
      return uploading.then((sent) => sent.photo.at(-1)!.file_id);
    });
    return uploading ?? this.api.sendPhoto(chatId, await fileId, { caption: input.title });
  }

  /**
   * Each part is edited in place and the buttons end up on the last one (the parts before it lose any).
   * New text longer than before continues in new messages; parts left over are deleted, or emptied of
   * text and buttons when Telegram no longer lets the bot delete them (after 48 hours).
   */
  async edit(chatId: string, partIds: string[], locale: Locale, reply: Reply): Promise<Sent> {
    const messages = renderForTelegram(this.i18n, locale, reply);
    const ids: string[] = [];
    try {
      for (const [n, m] of messages.entries()) {
        const markup = m.reply_markup && 'inline_keyboard' in m.reply_markup ? m.reply_markup : NO_BUTTONS;
        const partId = partIds[n];
        if (partId) {
          await this.editPart(chatId, partId, m.text, markup);
          ids.push(partId);
        } else {
          const sent = await this.api.sendMessage(chatId, m.text, { parse_mode: 'HTML', reply_markup: markup });
          ids.push(String(sent.message_id));
        }
      }
      for (const leftOver of partIds.slice(messages.length)) {
        const deleted = await this.api.deleteMessage(chatId, Number(leftOver)).catch(() => false);
        if (!deleted) await this.editPart(chatId, leftOver, '⋯', NO_BUTTONS);
      }
    } catch (err) {
      throw unreachableOr(err);
    }
    return { ids, parts: ids.length };
  }

  private async editPart(chatId: string, partId: string, text: string, markup: InlineKeyboardMarkup): Promise<void> {
    try {
      await this.api.editMessageText(chatId, Number(partId), text, { parse_mode: 'HTML', reply_markup: markup });
    } catch (err) {
      if (!(err instanceof GrammyError && /not modified/.test(err.description))) throw err;
    }
  }
}

const NO_BUTTONS: InlineKeyboardMarkup = { inline_keyboard: [] };

function unreachableOr(err: unknown): unknown {
  if (!(err instanceof GrammyError)) return err;
  // A group upgraded to a supergroup: 400 naming the new chat.
  const movedTo = err.parameters.migrate_to_chat_id;
  if (movedTo !== undefined) return new ChatMovedError(err.description, String(movedTo), { cause: err });
  // "chat not found": the person never opened the bot, which is as good as blocking it.
  if (err.error_code === 403 || /chat not found/.test(err.description))
    return new UnreachableError(err.description, { cause: err });
  if (err.error_code === 429)
    return new RetryLaterError(err.description, (err.parameters.retry_after ?? 1) * 1000, { cause: err });
  if (err.error_code >= 400 && err.error_code < 500) return new RejectedError(err.description, { cause: err });
  return err;
}

export interface TelegramMessage {
  text: string;
  reply_markup?: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;
}

function markupOf(i18n: I18n, locale: Locale, r: Reply): TelegramMessage['reply_markup'] {
  if (r.buttons?.length) {
    return {
      inline_keyboard: r.buttons.map((row) =>
        row.map((b) => ({ text: i18n.render(locale, b.label), callback_data: b.data })),
      ),
    };
  }
  if (r.keyboard?.kind === 'contact') {
    return {
      keyboard: [
        [{ text: i18n.render(locale, r.keyboard.share), request_contact: true }],
        [{ text: i18n.render(locale, r.keyboard.skip) }],
      ],
      resize_keyboard: true,
      one_time_keyboard: true,
    };
  }
  if (r.keyboard?.kind === 'remove') return { remove_keyboard: true };
  if (r.keyboard?.kind === 'force_reply') return { force_reply: true, selective: true };
  return undefined;
}

export const renderText = (i18n: I18n, locale: Locale, r: Reply): string =>
  r.parts.map((p) => i18n.html(locale, p)).join('\n\n');

/** One reply as Telegram messages: split at the 4096-character limit, buttons on the last part. */
function renderForTelegram(i18n: I18n, locale: Locale, r: Reply): TelegramMessage[] {
  const chunks = splitMessage(renderText(i18n, locale, r), 4096);
  const markup = markupOf(i18n, locale, r);
  return chunks.map((chunk, i) =>
    i === chunks.length - 1 && markup ? { text: chunk, reply_markup: markup } : { text: chunk },
  );
}
