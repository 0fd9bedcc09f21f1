import type { Channel } from '../core/channel.js';
import { msg, type Msg } from '../core/i18n.js';

export type Command =
  | { name: 'help' }
  | { name: 'import-units' | 'import-clusters' | 'import-pledges'; file: string }
  | {
      name: 'create-campaign';
      code: string;
      campaignName: string;
      start: string;
      end: string;
      targets?: string;
      phases?: string;
    }
  | { name: 'grant-role' | 'revoke-role'; unitCode: string; role: string; channel: Channel; externalId: string }
  | { name: 'list-units'; under?: string }
  | { name: 'recount'; campaign: string }
  | { name: 'export-goldenbook'; unitCode: string; campaign?: string; year?: number; out?: string };

/** The command line read; `lang` is whatever --lang said, checked by the caller with the environment's default. */
export type Parsed = { lang?: string } & ({ ok: true; command: Command } | { ok: false; error: Msg });

interface Spec {
  positionals: number;
  required: string[];
  optional: string[];
}
const ROLE_OPTIONS: Spec = { positionals: 0, required: ['unit', 'role'], optional: ['telegram-id', 'zalo-id'] };
const SPECS: Record<Exclude<Command['name'], 'help'>, Spec> = {
  'import-units': { positionals: 1, required: [], optional: [] },
  'import-clusters': { positionals: 1, required: [], optional: [] },
  'import-pledges': { positionals: 1, required: [], optional: [] },
  'create-campaign': { positionals: 0, required: ['code', 'name', 'start', 'end'], optional: ['targets', 'phases'] },
  'grant-role': ROLE_OPTIONS,
  'revoke-role': ROLE_OPTIONS,
  'list-units': { positionals: 0, required: [], optional: ['under'] },
  recount: { positionals: 0, required: ['campaign'], optional: [] },
  'export-goldenbook': { positionals: 0, required: ['unit'], optional: ['campaign', 'year', 'out'] },
};
const isCommand = (name: string): name is keyof typeof SPECS => Object.hasOwn(SPECS, name);

/** Reads `COMMAND [FILE] --option value|--option=value ...`; --lang is accepted with every command; --help or -h anywhere asks for the usage. */
export function parseCommandLine(argv: readonly string[]): Parsed {
  const isHelp = (a: string) => a === '--help' || a === '-h';
  const split = splitArgs(argv.filter((a) => !isHelp(a)));
  if (argv.some(isHelp))
    return { ...('error' in split ? {} : langOf(split.options)), ok: true, command: { name: 'help' } };
  if ('error' in split) return { ok: false, error: split.error };
  const { options, positionals } = split;
  const lang = options.get('lang');
  options.delete('lang');
  const fail = (key: string, vars?: Record<string, string>) => ({ lang, ok: false as const, error: msg(key, vars) });

  const [name, ...rest] = positionals;
  if (name === undefined || name === 'help') return { lang, ok: true, command: { name: 'help' } };
  if (!isCommand(name)) {
    const near = closest(name, Object.keys(SPECS));
    return near
      ? fail('admin-usage-unknown-command-near', { command: name, near })
      : fail('admin-usage-unknown-command', { command: name });
  }
  const spec = SPECS[name];
  const unknown = [...options.keys()].find((o) => !spec.required.includes(o) && !spec.optional.includes(o));
  if (unknown !== undefined) return fail('admin-usage-unknown-option', { option: `--${unknown}` });
  const missing = spec.required.find((o) => !options.has(o));
  if (missing !== undefined) return fail('admin-usage-missing-option', { option: `--${missing}` });
  if (rest.length < spec.positionals) return fail('admin-usage-missing-file');
  if (rest.length > spec.positionals)
    return fail('admin-usage-extra-argument', { argument: rest[spec.positionals] ?? '' });

  const get = (option: string): string => options.get(option) ?? '';
  switch (name) {
    case 'import-units':
    case 'import-clusters':
    case 'import-pledges':
      return { lang, ok: true, command: { name, file: rest[0] ?? '' } };
    case 'create-campaign': {
      const targets = options.get('targets');
      const phases = options.get('phases');
      const command = { name, code: get('code'), campaignName: get('name'), start: get('start'), end: get('end') };
      return {
        lang,
        ok: true,
        command: {
          ...command,
          ...(targets === undefined ? {} : { targets }),
          ...(phases === undefined ? {} : { phases }),
        },
      };
    }
    case 'grant-role':
    case 'revoke-role': {
      const telegram = options.get('telegram-id');
      const zalo = options.get('zalo-id');
      if ((telegram === undefined) === (zalo === undefined)) return fail('admin-usage-one-account');
      const account =
        telegram !== undefined
          ? { channel: 'telegram' as const, externalId: telegram }
          : { channel: 'zalo' as const, externalId: get('zalo-id') };
      return { lang, ok: true, command: { name, unitCode: get('unit'), role: get('role'), ...account } };
    }
    case 'list-units': {
      const under = options.get('under');
      return { lang, ok: true, command: under === undefined ? { name } : { name, under } };
    }
    case 'recount':
      return { lang, ok: true, command: { name, campaign: get('campaign') } };
    case 'export-goldenbook': {
      const campaign = options.get('campaign');
      const year = options.get('year');
      const out = options.get('out');
      if ((campaign === undefined) === (year === undefined) || (year !== undefined && !/^\d{4}$/.test(year)))
        return fail('admin-goldenbook-scope');
      if (out !== undefined && !/\.(xlsx|csv)$/i.test(out)) return fail('admin-goldenbook-bad-out', { file: out });
      return {
        lang,
        ok: true,
        command: {
          name,
          unitCode: get('unit'),
          ...(campaign === undefined ? { year: Number(year) } : { campaign }),
          ...(out === undefined ? {} : { out }),
        },
      };
    }
  }
}

const langOf = (options: Map<string, string>): { lang?: string } => {
  const lang = options.get('lang');
  return lang === undefined ? {} : { lang };
};

/** The command a typo most likely meant: at most a third of its letters off. */
function closest(typed: string, names: string[]): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const name of names) {
    const distance = editDistance(typed.toLowerCase(), name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

function splitArgs(argv: readonly string[]): { options: Map<string, string>; positionals: string[] } | { error: Msg } {
  const options = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const option = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const next = argv[i + 1];
    let value: string | undefined = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (value === undefined && next !== undefined && !next.startsWith('--')) {
      value = next;
      i += 1;
    }
    if (value === undefined) return { error: msg('admin-usage-missing-value', { option: `--${option}` }) };
    if (options.has(option)) return { error: msg('admin-usage-repeated-option', { option: `--${option}` }) };
    options.set(option, value);
  }
  return { options, positionals };
}
