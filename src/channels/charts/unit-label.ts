/** Prefixes every unit name repeats, and how a chart writes them (the abbreviations the unions use themselves). */
const PREFIXES: [RegExp, string][] = [
  [/^Công đoàn cơ sở\s+/iu, 'CĐCS '],
  [/^Công đoàn\s+/iu, 'CĐ '],
  [/^Liên đoàn Lao động\s+/iu, 'LĐLĐ '],
];

/** A unit's name as a chart label: the common "Công đoàn" prefix shortened, the rest kept whole. */
export function shortUnitName(name: string): string {
  const trimmed = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  for (const [prefix, short] of PREFIXES) if (prefix.test(trimmed)) return trimmed.replace(prefix, short);
  return trimmed;
}

/** Breaks text at spaces into lines of at most `width` characters (a longer word keeps its own line). */
export function wrapText(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
