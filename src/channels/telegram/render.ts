import type { ForceReply, InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'grammy/types';
import type { I18n, Msg } from '../../core/i18n.js';
import type { Locale } from '../../core/channel.js';
import { escapeHtml, splitMessage } from '../../core/text.js';
import type { Reply } from '../../core/reply.js';

export interface TelegramMessage {
  text: string;
  reply_markup?: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;
}

/** Locale texts may carry Telegram HTML (<b>); every variable is escaped, so user text never breaks it. */
function renderHtml(i18n: I18n, locale: Locale, m: Msg): string {
  const vars = m.vars && Object.fromEntries(Object.entries(m.vars).map(([k, v]) => [k, typeof v === 'string' ? escapeHtml(v) : v]));
  return i18n.t(locale, m.key, vars);
}

function markupOf(i18n: I18n, locale: Locale, r: Reply): TelegramMessage['reply_markup'] {
  if (r.buttons?.length) {
    return { inline_keyboard: r.buttons.map((row) => row.map((b) => ({ text: i18n.render(locale, b.label), callback_data: b.data }))) };
  }
  if (r.keyboard?.kind === 'contact') {
    return {
      keyboard: [[{ text: i18n.render(locale, r.keyboard.share), request_contact: true }], [{ text: i18n.render(locale, r.keyboard.skip) }]],
      resize_keyboard: true,
      one_time_keyboard: true,
    };
  }
  if (r.keyboard?.kind === 'remove') return { remove_keyboard: true };
  if (r.keyboard?.kind === 'force_reply') return { force_reply: true, selective: true };
  return undefined;
}

export const renderText = (i18n: I18n, locale: Locale, r: Reply): string => r.parts.map((p) => renderHtml(i18n, locale, p)).join('\n\n');

/**
 * One reply as Telegram messages: split at the 4096-character limit, buttons on the last part.
 * `single` (for edits, which cannot become two messages) keeps only the first part.
 */
export function renderForTelegram(i18n: I18n, locale: Locale, r: Reply, opts: { single?: boolean } = {}): TelegramMessage[] {
  const all = splitMessage(renderText(i18n, locale, r), 4096);
  const chunks = opts.single ? all.slice(0, 1) : all;
  const markup = markupOf(i18n, locale, r);
  return chunks.map((chunk, i) => (i === chunks.length - 1 && markup ? { text: chunk, reply_markup: markup } : { text: chunk }));
}
