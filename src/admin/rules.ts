import { cleanText } from '../core/text.js';

/** Unit and campaign codes travel in Telegram deep links (/start CODE), which allow only these characters. */
export const CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export const MAX_NAME = 200;

/** Names are one-line labels: newlines and runs of spaces from spreadsheets become one space. */
export const cleanName = (raw: string): string => cleanText(raw).replace(/\s+/g, ' ');

/** Length as a reader counts it (code points, not UTF-16 units). */
export const nameLength = (name: string): number => Array.from(name).length;
