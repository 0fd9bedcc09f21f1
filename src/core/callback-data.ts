import { LOCALES, type Locale } from './channel.js';
import { CODE_PATTERN } from './codes.js';

/** Telegram's limit on a button's callback_data, in bytes of UTF-8. */
export const MAX_CALLBACK_BYTES = 64;

/** One kind of button: the prefix its data starts with, and how its value is packed into the data and read back. */
export interface CallbackKind<T> {
  readonly prefix: string;
  pack(value: T): string;
  /** The value of data of this kind, or null for data of another kind (or malformed). */
  unpack(data: string): T | null;
}

function callbackKind<T>(
  prefix: string,
  encode: (value: T) => string,
  decode: (rest: string) => T | null,
): CallbackKind<T> {
  return {
    prefix,
    pack(value) {
      const data = `${prefix}${encode(value)}`;
      const bytes = new TextEncoder().encode(data).length;
      if (bytes > MAX_CALLBACK_BYTES)
        throw new Error(`button data "${data}" is ${bytes} bytes, over Telegram's ${MAX_CALLBACK_BYTES}`);
      return data;
    },
    unpack: (data) => (data.startsWith(prefix) ? decode(data.slice(prefix.length)) : null),
  };
}

/** "a:b:c" → ["a", "b:c"] for two parts: the last part keeps any further colons. */
function parts(rest: string, count: number): string[] | null {
  const split = rest.split(':');
  const head = split.slice(0, count - 1);
  const tail = split.slice(count - 1).join(':');
  return head.length === count - 1 && tail !== '' && head.every((p) => p !== '') ? [...head, tail] : null;
}

/** The team's actions a card offers (those its status allows). Withdraw is the author's, never on a card. */
export const CARD_ACTIONS = ['take', 'info', 'accept', 'recognize', 'replicate', 'reject'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/** A card button's pressed action, if it is one a card offers, on a well-formed code (an old card's may not be). */
export function cardAction(pressed: { code: string; action: string }): { code: string; action: CardAction } | null {
  const action = CARD_ACTIONS.find((a) => a === pressed.action);
  return action && CODE_PATTERN.test(pressed.code) ? { code: pressed.code, action } : null;
}

/**
 * Every kind of button the bot sends, in one place: a handler packs its button's data here, and routing
 * (handlers/index.ts) dispatches on the kind read back from a press.
 */
export const CALLBACKS = {
  /** An answer button of a guided flow, bound to the flow revision it was shown at: older presses are stale. */
  flow: callbackKind<{ rev: number; value: string }>(
    'f:',
    (v) => `${v.rev}:${v.value}`,
    (rest) => {
      const [rev, value] = parts(rest, 2) ?? [];
      return rev && value && /^\d+$/.test(rev) ? { rev: Number(rev), value } : null;
    },
  ),
  /** A support team's action on an initiative's card (cardAction tells whether a card offers it). */
  card: callbackKind<{ code: string; action: string }>(
    'c:',
    (v) => `${v.code}:${v.action}`,
    (rest) => {
      const [code, action] = parts(rest, 2) ?? [];
      return code && action ? { code, action } : null;
    },
  ),
  /** "Got it" on a lagging unit's nudge. */
  nudge: callbackKind<{ nudgeId: string }>(
    'n:',
    (v) => v.nudgeId,
    (rest) => (rest ? { nudgeId: rest } : null),
  ),
  /** Start the 6- or 12-month self-check of a pledge. */
  selfCheck: callbackKind<{ pledgeId: string; months: number }>(
    'sc:',
    (v) => `${v.pledgeId}:${v.months}`,
    (rest) => {
      const [pledgeId, months] = parts(rest, 2) ?? [];
      return pledgeId && months && /^\d+$/.test(months) ? { pledgeId, months: Number(months) } : null;
    },
  ),
  /** "See details" on a weekly ping: the unit's progress. */
  progress: callbackKind<{ unitCode: string }>(
    'p:',
    (v) => v.unitCode,
    (rest) => (rest ? { unitCode: rest } : null),
  ),
  /** A language choice. */
  lang: callbackKind<{ locale: Locale }>(
    'lang:',
    (v) => v.locale,
    (rest) => (LOCALES.includes(rest as Locale) ? { locale: rest as Locale } : null),
  ),
} as const;

type Kinds = typeof CALLBACKS;
type ValueOf<K extends keyof Kinds> = Kinds[K] extends CallbackKind<infer T> ? T : never;

/** A pressed button, read back: its kind and value. */
export type Callback = { [K in keyof Kinds]: { kind: K; value: ValueOf<K> } }[keyof Kinds];

export function unpackCallback(data: string): Callback | null {
  for (const kind of Object.keys(CALLBACKS) as (keyof Kinds)[]) {
    const value = CALLBACKS[kind].unpack(data);
    if (value !== null) return { kind, value } as Callback;
  }
  return null;
}
