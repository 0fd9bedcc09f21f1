import { escapeHtml } from '../core/text.js';

/** HTML that is safe as it is: markup we wrote, or text already escaped. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

const partHtml = (v: Part): string => {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map(partHtml).join('');
  return escapeHtml(String(v));
};

/** A template where every value is escaped unless it is Html already (lists are joined). */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? partHtml(values[i]) : ''), ''));
}

/** Markup that is trusted as it is (a locale text rendered with its variables escaped). */
export const trusted = (text: string): Html => new Html(text);

/** A locale text of the chat (Telegram HTML, lines) as page HTML: its lines become line breaks. */
export const chatHtml = (text: string): Html => new Html(text.replace(/\n/g, '<br>'));

/** A query string from the non-empty values, for links that keep the page's filters. */
export function query(params: Record<string, string | number | undefined>): string {
  const kept = Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as [string, string | number][];
  return kept.length ? `?${new URLSearchParams(kept.map(([k, v]) => [k, String(v)])).toString()}` : '';
}
