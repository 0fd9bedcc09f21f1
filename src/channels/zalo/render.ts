import type { I18n, Msg } from '../../core/i18n.js';
import type { Locale } from '../../core/channel.js';
import { escapeHtml, splitMessage, truncate } from '../../core/text.js';
import type { Reply } from '../../core/reply.js';
import { isCardButton, numberedChoices, type Choice } from '../../core/choices.js';

/** Zalo refuses longer texts (OA -210, Bot 400) rather than cutting them. */
export const ZALO_TEXT_MAX = 2000;
/** OA template messages take at most 5 buttons, titles of at most 100 characters. */
export const OA_MAX_BUTTONS = 5;
const OA_BUTTON_TITLE_MAX = 100;

/** Text and choices of one reply, ready for either Zalo surface. */
export interface ZaloReply {
  /** Plain text, split at Zalo's limit; the numbered choices end the last part. */
  texts: string[];
  /** What typing 1, 2, ... means, in order; empty when the reply offers nothing to choose. */
  choices: Choice[];
  /** Titles for real buttons, when the surface has them (the OA) and the choices fit. */
  buttonTitles: string[];
  /** The reply asks for the person's phone number (Telegram's contact button). */
  asksPhone: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/**
 * Locale texts carry Telegram HTML; Zalo shows plain text. Variables are escaped before the tags are
 * removed and unescaped after, so what a person wrote comes through exactly, "<b>" included.
 */
export type ZaloSurface = 'zalo-oa' | 'zalo-bot';

export function plainText(i18n: I18n, locale: Locale, m: Msg, surface: ZaloSurface = 'zalo-oa'): string {
  const vars = {
    surface,
    ...(m.vars &&
      Object.fromEntries(Object.entries(m.vars).map(([k, v]) => [k, typeof v === 'string' ? escapeHtml(v) : v]))),
  };
  return i18n
    .t(locale, m.key, vars)
    .replace(/<\/?[a-z][^<>]*>/gi, '')
    .replace(/&(amp|lt|gt|quot);/g, (e) => ENTITIES[e]!);
}

/**
 * A card's actions on Zalo: commands naming the initiative ("/accept SK-2026-000009"), never numbers, so
 * a number typed for the person's own question can never act on someone's card.
 */
function cardCommands(i18n: I18n, locale: Locale, r: Reply): string | null {
  const lines = (r.buttons ?? [])
    .flat()
    .filter(isCardButton)
    .map((b) => {
      const [, code, action] = b.data.split(':');
      return `/${action} ${code} (${i18n.render(locale, b.label)})`;
    });
  return lines.length ? `${i18n.t(locale, 'zalo-card-commands')}\n${lines.join('\n')}` : null;
}

/** Zalo has no inline keyboards on the Bot Platform and few buttons on the OA: choices are numbered too. */
export function renderForZalo(i18n: I18n, locale: Locale, r: Reply, surface: ZaloSurface): ZaloReply {
  const labelled = numberedChoices(i18n, locale, r);
  let text = r.parts.map((p) => plainText(i18n, locale, p, surface)).join('\n\n');
  const commands = cardCommands(i18n, locale, r);
  if (commands) text = `${text}\n\n${commands}`;
  const from = r.numbering?.from ?? 1;
  if (labelled.length > 0) {
    const list = labelled.map((l, i) => `${from + i}. ${l.label}`).join('\n');
    const hint = r.numbering?.afterQuestion ? 'zalo-choose-by-number-after-question' : 'zalo-choose-by-number';
    text = `${text}\n\n${list}\n${i18n.t(locale, hint)}`;
  }
  return {
    texts: splitMessage(text, ZALO_TEXT_MAX),
    choices: labelled.map((l) => l.choice),
    buttonTitles:
      labelled.length <= OA_MAX_BUTTONS
        ? labelled.map((l, i) => truncate(`${from + i}. ${l.label}`, OA_BUTTON_TITLE_MAX))
        : [],
    asksPhone: r.keyboard?.kind === 'contact',
  };
}
