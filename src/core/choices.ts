import type { I18n } from './i18n.js';
import type { Channel, Locale } from './channel.js';
import type { Button, Reply } from './reply.js';
import type { InboundEvent } from './event.js';

/** What picking an offered option means: a button press, or typing that text. */
export type Choice = { kind: 'button'; data: string } | { kind: 'text'; text: string };

/** Card buttons carry this prefix; on surfaces without buttons they become commands naming the initiative. */
export const CARD_BUTTON_PREFIX = 'c:';
export const isCardButton = (b: Button): boolean => b.data.startsWith(CARD_BUTTON_PREFIX);

/** Zalo shows options as numbered lines (and the OA a few buttons): a person picks one by typing its number. */
export const choicesAreTyped = (channel: Channel): boolean => channel === 'zalo';

/** Where a typed number picks an option of the bot's: a private chat where choices are typed. */
export const picksByNumber = (event: Pick<InboundEvent, 'channel' | 'chatType'>): boolean =>
  choicesAreTyped(event.channel) && event.chatType === 'private';

const NUMBER = /^\s*(\d{1,2})\s*\.?\s*$/;

/** The number a person typed on its own ("3", " 3. "), or null for any other text. */
export function typedNumber(text: string): number | null {
  const n = NUMBER.exec(text)?.[1];
  return n ? Number(n) : null;
}

/** A reply's buttons that are picked by number where there are no buttons (cards' are typed as commands naming the initiative). */
const choiceButtons = (r: Reply): Button[] => (r.buttons ?? []).flat().filter((b) => !isCardButton(b));

/** What a reply's buttons mean as typed numbers, in order (a delivered message offers nothing else). */
export const buttonChoices = (r: Reply): Choice[] => choiceButtons(r).map((b) => ({ kind: 'button', data: b.data }));

/**
 * The options a reply offers by number, in the order a surface without buttons lists them: its buttons
 * (cards' excepted), then the phone request's skip.
 */
export function numberedChoices(i18n: I18n, locale: Locale, r: Reply): { label: string; choice: Choice }[] {
  const labelled: { label: string; choice: Choice }[] = choiceButtons(r).map((b) => ({
    label: i18n.render(locale, b.label),
    choice: { kind: 'button', data: b.data },
  }));
  if (r.keyboard?.kind === 'contact') {
    const skip = i18n.render(locale, r.keyboard.skip);
    labelled.push({ label: skip, choice: { kind: 'text', text: skip } });
  }
  return labelled;
}
