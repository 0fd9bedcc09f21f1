/** Prefixes every unit name repeats, and how the unions abbreviate them themselves. */
const PREFIXES: [RegExp, string][] = [
  [/^Công đoàn cơ sở\s+/iu, 'CĐCS '],
  [/^Công đoàn\s+/iu, 'CĐ '],
  [/^Liên đoàn Lao động\s+/iu, 'LĐLĐ '],
];

/** A unit's name where space is short (a chart label, a sheet name): the common "Công đoàn" prefix shortened, the rest whole. */
export function shortUnitName(name: string): string {
  const trimmed = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  for (const [prefix, short] of PREFIXES) if (prefix.test(trimmed)) return trimmed.replace(prefix, short);
  return trimmed;
}
