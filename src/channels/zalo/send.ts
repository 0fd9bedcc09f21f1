import type { I18n } from '../../core/i18n.js';
import type { Locale, Channel } from '../../core/channel.js';
import { renderChart } from '../charts/render-chart.js';
import { ChartCache, chartKey } from '../charts/chart-cache.js';
import { chartCaption, chartInput } from '../chart-input.js';
import {
  RejectedError,
  RetryLaterError,
  UnreachableError,
  WindowClosedError,
  type ChannelSender,
  type ChartLinks,
  type FileFetcher,
  type Sent,
} from '../../core/sender.js';
import type { ChartSpec, Reply, ReplyFile } from '../../core/reply.js';
import { type ZaloBotApi, ZaloBotError } from './bot-api.js';
import { BUTTON_PAYLOAD_PREFIX, type Choice } from './choices.js';
import { ZaloOaError, type OaRecipient, type ZaloOaApi } from './oa-api.js';
import { plainText, renderForZalo } from './render.js';

const MINUTE = 60_000;

const payloadOf = (c: Choice): string => (c.kind === 'button' ? `${BUTTON_PAYLOAD_PREFIX}${c.data}` : c.text);

/** A file sent on Zalo lives on Zalo's servers: it goes by its link. One sent on Telegram stays there. */
const isUrl = (fileId: string): boolean => /^https?:\/\//.test(fileId);
const fileNote = (i18n: I18n, locale: Locale, fileId: string): string =>
  isUrl(fileId)
    ? plainText(i18n, locale, { key: 'zalo-file-link', vars: { url: fileId } })
    : plainText(i18n, locale, { key: 'zalo-file-elsewhere' });

/**
 * Replies as customer-service messages of the union's Official Account. Choices become OA buttons
 * when they fit (and are numbered in the text either way); a phone request becomes Zalo's
 * request-user-info form; the OA cannot edit, so a changed card is sent anew.
 */
export class ZaloOaSender implements ChannelSender {
  /** A chart's upload, shared by every officer of the unit it shows. */
  private readonly charts = new ChartCache();

  constructor(
    private readonly api: ZaloOaApi,
    private readonly i18n: I18n,
    /** Files sent on Telegram are fetched from there and uploaded to the OA. */
    private readonly files: Partial<Record<Channel, FileFetcher>>,
    private readonly phoneForm: { imageUrl: string },
  ) {}

  async send(chatId: string, locale: Locale, reply: Reply): Promise<Sent> {
    const to: OaRecipient = { userId: chatId };
    const r = renderForZalo(this.i18n, locale, reply, 'zalo-oa');
    const ids: string[] = [];
    const quote = reply.replyToMessageId ? { quoteMessageId: reply.replyToMessageId } : {};
    const keep = async (sending: Promise<{ messageId: string }>) => void ids.push((await sending).messageId);
    try {
      for (const [i, text] of r.texts.entries()) {
        const withButtons = i === r.texts.length - 1 && r.buttonTitles.length > 0;
        const buttons = r.buttonTitles.map((title, n) => ({ title, payload: payloadOf(r.choices[n]!) }));
        await keep(
          withButtons ? this.api.sendButtons(to, text, buttons) : this.api.sendText(to, text, i === 0 ? quote : {}),
        );
      }
      if (r.asksPhone) {
        const form = {
          title: this.i18n.t(locale, 'zalo-phone-form-title'),
          subtitle: this.i18n.t(locale, 'zalo-phone-form-subtitle'),
          imageUrl: this.phoneForm.imageUrl,
        };
        await keep(this.api.requestUserInfo(to, form));
      }
      for (const file of reply.attachments ?? []) await keep(this.sendAttachment(to, locale, file));
      // The OA takes only PDF and Word files: an export goes in such a format when it comes in one, else
      // (or when it is over Zalo's 5 MB) a note says where it can be had.
      for (const file of reply.files ?? []) {
        const token = await this.uploadExport(file);
        await keep(
          'token' in token
            ? this.api.sendFile(to, token.token)
            : this.api.sendText(to, plainText(this.i18n, locale, { key: token.note, vars: { file: file.name } })),
        );
      }
      for (const chart of reply.charts ?? []) {
        const attachmentId = await this.chartAttachment(locale, chart);
        await keep(this.api.sendImage(to, { attachmentId }, chartCaption(this.i18n, locale, chart)));
      }
    } catch (err) {
      throw oaFailure(err);
    }
    return { ids, parts: r.texts.length };
  }

  edit(chatId: string, _partIds: string[], locale: Locale, reply: Reply): Promise<Sent> {
    return this.send(chatId, locale, reply);
  }

  /** A file of the initiative: uploaded from Telegram when the OA takes it, by its link when it is Zalo's, else a note. */
  private async sendAttachment(
    to: OaRecipient,
    locale: Locale,
    file: { kind: 'photo' | 'document'; fileId: string },
  ): Promise<{ messageId: string }> {
    const uploaded = isUrl(file.fileId) ? null : await this.uploadFromTelegram(file);
    if (uploaded?.kind === 'image') return this.api.sendImage(to, { attachmentId: uploaded.id });
    if (uploaded?.kind === 'file') return this.api.sendFile(to, uploaded.id);
    if (file.kind === 'photo' && isUrl(file.fileId)) return this.api.sendImage(to, { url: file.fileId });
    return this.api.sendText(to, fileNote(this.i18n, locale, file.fileId));
  }

  /** Drawn and uploaded once per content; the other recipients get the same attachment. */
  private chartAttachment(locale: Locale, chart: ChartSpec): Promise<string> {
    const input = chartInput(this.i18n, locale, chart);
    return this.charts.idFor(chartKey(input), () =>
      this.api.uploadImage(renderChart(input), `${input.kind}.png`, 'image/png'),
    );
  }

  /** The first format of an export the OA takes, uploaded; or the note to send instead. */
  private async uploadExport(file: ReplyFile): Promise<{ token: string } | { note: string }> {
    const format = [file, ...(file.alternatives ?? [])].find((f) => OA_FILE_TYPES.has(f.mimeType));
    if (!format) return { note: 'zalo-export-elsewhere' };
    try {
      return { token: await this.api.uploadFile(Buffer.from(format.base64, 'base64'), format.name, format.mimeType) };
    } catch (err) {
      if (err instanceof ZaloOaError && err.kind === 'too_long') return { note: 'zalo-export-too-big' };
      throw err;
    }
  }

  /**
   * A photo or document sent on Telegram, uploaded to the OA (jpg/png up to 1 MB, pdf/doc/docx up to
   * 5 MB); null when the OA does not take it (other types, too big): a note goes instead.
   */
  private async uploadFromTelegram(file: {
    kind: 'photo' | 'document';
    fileId: string;
  }): Promise<{ kind: 'image' | 'file'; id: string } | null> {
    const source = this.files.telegram;
    if (!source) return null;
    try {
      const { bytes, fileName } = await source.fetch(file.fileId);
      const mime = MIME[fileName.split('.').pop()?.toLowerCase() ?? ''];
      if (!mime) return null;
      return mime.startsWith('image/')
        ? { kind: 'image', id: await this.api.uploadImage(bytes, fileName, mime) }
        : { kind: 'file', id: await this.api.uploadFile(bytes, fileName, mime) };
    } catch (err) {
      if (err instanceof ZaloOaError && (err.kind === 'too_long' || err.kind === 'invalid')) return null;
      throw err;
    }
  }
}

/** What the OA's upload endpoints take. */
const MIME: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The files the OA's upload/file takes (PDF, Word). */
const OA_FILE_TYPES = new Set(Object.values(MIME).filter((type) => !type.startsWith('image/')));

function oaFailure(err: unknown): unknown {
  if (!(err instanceof ZaloOaError)) return err;
  switch (err.kind) {
    case 'window':
      // -213 unfollowed, -217 blocked: gone until they come back. The rest: they must write first.
      return err.code === -213 || err.code === -217
        ? new UnreachableError(err.message, { cause: err })
        : new WindowClosedError(err.message, { cause: err });
    case 'quota':
      return new WindowClosedError(err.message, { cause: err });
    case 'rate':
      return new RetryLaterError(err.message, MINUTE, { cause: err });
    case 'night':
      return new RetryLaterError(err.message, 60 * MINUTE, { cause: err });
    case 'too_long':
    case 'invalid':
      return new RejectedError(err.message, { cause: err });
    default:
      return err;
  }
}

/**
 * Replies through a Zalo Bot (the Telegram-like Bot Platform): text only, choices numbered, photos by
 * URL. It has no edits and no upload, so a changed card is sent anew, and a chart goes by the link the bot's
 * own server gives it (`charts`; without one, no chart).
 */
export class ZaloBotSender implements ChannelSender {
  /** Each chart's link, shared by every officer of the unit it shows. */
  private readonly chartLinks = new ChartCache();

  constructor(
    private readonly api: ZaloBotApi,
    private readonly i18n: I18n,
    private readonly charts: ChartLinks | null = null,
  ) {}

  async send(chatId: string, locale: Locale, reply: Reply): Promise<Sent> {
    const r = renderForZalo(this.i18n, locale, reply, 'zalo-bot');
    const ids: string[] = [];
    const keep = async (sending: Promise<{ messageId: string }>) => void ids.push((await sending).messageId);
    try {
      for (const text of r.texts) await keep(this.api.sendMessage(chatId, text));
      for (const file of reply.files ?? [])
        await keep(
          this.api.sendMessage(
            chatId,
            plainText(this.i18n, locale, { key: 'zalo-export-elsewhere', vars: { file: file.name } }, 'zalo-bot'),
          ),
        );
      for (const file of reply.attachments ?? [])
        await keep(
          file.kind === 'photo' && isUrl(file.fileId)
            ? this.api.sendPhoto(chatId, file.fileId)
            : this.api.sendMessage(chatId, fileNote(this.i18n, locale, file.fileId)),
        );
      for (const chart of this.charts ? (reply.charts ?? []) : []) {
        const input = chartInput(this.i18n, locale, chart);
        const url = await this.chartLinks.idFor(chartKey(input), () => this.charts!.publish(renderChart(input)));
        await keep(this.api.sendPhoto(chatId, url, input.title));
      }
    } catch (err) {
      throw botFailure(err);
    }
    return { ids, parts: r.texts.length };
  }

  edit(chatId: string, _partIds: string[], locale: Locale, reply: Reply): Promise<Sent> {
    return this.send(chatId, locale, reply);
  }
}

function botFailure(err: unknown): unknown {
  if (!(err instanceof ZaloBotError)) return err;
  if (err.isRateLimited) return new RetryLaterError(err.message, MINUTE, { cause: err });
  if (err.errorCode === 404) return new UnreachableError(err.message, { cause: err });
  if (err.errorCode === 400) return new RejectedError(err.message, { cause: err });
  return err;
}
