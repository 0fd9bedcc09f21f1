export { shortUnitName } from '../../core/unit-name.js';

/** Breaks text at spaces into lines of at most `width` characters (a longer word keeps its own line). */
function greedyLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Breaks text at spaces into as few lines of at most `width` characters as it needs, as even as they
 * can be: "CĐ Công ty CP Bánh kẹo\nHải Hà", not a lone last word.
 */
export function wrapText(text: string, width: number): string {
  const count = greedyLines(text, width).length;
  for (let w = Math.ceil(text.length / count); w < width; w++) {
    const even = greedyLines(text, w);
    if (even.length <= count) return even.join('\n');
  }
  return greedyLines(text, width).join('\n');
}
