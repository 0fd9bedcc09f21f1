import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { LOCALES, type Locale } from './channel.js';
import { escapeHtml } from './text.js';

export type { Locale };
export type Vars = Record<string, FluentVariable>;

/** A message still to be rendered in the reader's language: a locale key and its variables. */
export interface Msg {
  key: string;
  vars?: Vars;
}
export const msg = (key: string, vars?: Vars): Msg => (vars ? { key, vars } : { key });

export const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

export class MissingMessageError extends Error {}

/** Renders locale messages; one instance per process, shared by every channel and job. */
export class I18n {
  private readonly bundles = new Map<Locale, FluentBundle>();

  constructor(dir = LOCALES_DIR) {
    for (const locale of LOCALES) {
      // useIsolating off: Fluent's invisible bidi marks would end up in chat messages.
      const bundle = new FluentBundle(locale, { useIsolating: false });
      const errors = bundle.addResource(new FluentResource(readFileSync(`${dir}${locale}.ftl`, 'utf8')));
      if (errors.length > 0) throw new Error(`locales/${locale}.ftl: ${errors.map(String).join('; ')}`);
      this.bundles.set(locale, bundle);
    }
  }

  t(locale: Locale, key: string, vars?: Vars): string {
    const bundle = this.bundles.get(locale);
    const message = bundle?.getMessage(key);
    if (!bundle || !message?.value) throw new MissingMessageError(`no message "${key}" in locales/${locale}.ftl`);
    const errors: Error[] = [];
    // Texts that differ by surface select on $surface; Telegram's is the default.
    const text = bundle.formatPattern(message.value, { surface: 'telegram', ...vars }, errors);
    if (errors.length > 0) throw new Error(`locales/${locale}.ftl "${key}": ${errors.map(String).join('; ')}`);
    return text;
  }

  render(locale: Locale, m: Msg): string {
    return this.t(locale, m.key, m.vars);
  }

  /** As HTML: the locale text's own tags (<b>) kept, every variable escaped, so user text never breaks it. */
  html(locale: Locale, m: Msg): string {
    const vars =
      m.vars &&
      Object.fromEntries(Object.entries(m.vars).map(([k, v]) => [k, typeof v === 'string' ? escapeHtml(v) : v]));
    return this.t(locale, m.key, vars);
  }
}
