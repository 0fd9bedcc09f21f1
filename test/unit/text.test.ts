import { describe, expect, it } from 'vitest';
import { cleanText, escapeHtml, foldForSearch, hasContent, splitMessage, truncate } from '../../src/core/text.js';

describe('cleanText', () => {
  it.each([
    ['NFD becomes NFC', 'Tie\u0302\u0301n', 'Tiến'],
    ['CRLF and CR become LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['tab becomes a space', 'a\tb', 'a b'],
    ['C0 and C1 controls are removed', 'a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg', 'abcdefg'],
    ['zero-width characters are removed', 'Sáng\u200B kiến\u200C\u200D\uFEFF', 'Sáng kiến'],
    ['bidi controls are removed', '\u202Aa\u202Eb\u2066c\u2069\u200E\u200F', 'abc'],
    ['a zero-width char between letter and mark does not block composition', 'e\u200B\u0302', 'ê'],
    ['trailing spaces of each line are trimmed', 'a  \nb \t\nc', 'a\nb\nc'],
    ['leading spaces inside are kept', 'a\n  b', 'a\n  b'],
    ['the whole is trimmed', '\n\n  a b  \n\n', 'a b'],
    ['one blank line is kept', 'a\n\nb', 'a\n\nb'],
    ['two blank lines are kept', 'a\n\n\nb', 'a\n\n\nb'],
    ['three blank lines collapse to one', 'a\n\n\n\nb', 'a\n\nb'],
    ['many blank lines with spaces collapse to one', 'a\n \n\t\n  \n\n\nb', 'a\n\nb'],
    ['CRLF blank lines collapse too', 'a\r\n\r\n\r\n\r\nb', 'a\n\nb'],
    ['only invisible characters become empty', '\u200B\uFEFF \t\n', ''],
    ['emoji are kept', 'Tốt 👍🏽', 'Tốt 👍🏽'],
  ])('%s', (_name, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = cleanText(' Cô\u0302ng ty\r\n\r\n\r\n\r\nMay\u200B  \t');
    expect(cleanText(once)).toBe(once);
  });
});

describe('hasContent', () => {
  it.each([
    ['Có', true],
    ['5', true],
    ['٣', true], // any Unicode digit
    ['  x  ', true],
    ['👍 ok', true],
    ['', false],
    ['   \n\t', false],
    ['👍', false],
    ['👍🏽❤️🎉', false],
    ['...!?', false],
    ['- - -', false],
    ['\u200B\u200B', false],
  ])('%j → %s', (text, expected) => {
    expect(hasContent(text)).toBe(expected);
  });

  it('works on cleaned text', () => {
    expect(hasContent(cleanText('\u200B 🙂 \u200B'))).toBe(false);
    expect(hasContent(cleanText('\u200BTie\u0302\u0301n'))).toBe(true);
  });
});

describe('foldForSearch', () => {
  it.each([
    ['Công ty May Việt Tiến', 'cong ty may viet tien'],
    ['CÔNG  TY-MAY', 'cong ty may'],
    ['Đoàn Thanh Niên', 'doan thanh nien'],
    ['đường ĐI', 'duong di'],
    ['Sáng kiến số 12/2024!', 'sang kien so 12 2024'],
    ['Tie\u0302\u0301n', 'tien'], // NFD input
    ['  --Xưởng 3 (Ca đêm)--  ', 'xuong 3 ca dem'],
    ['rưỡi ỹ ợ', 'ruoi y o'],
    ['👍', ''],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(foldForSearch(text)).toBe(expected);
  });
});

describe('escapeHtml', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<b>x</b>', '&lt;b&gt;x&lt;/b&gt;'],
    ['say "hi"', 'say &quot;hi&quot;'],
    ['&lt;', '&amp;lt;'],
    ["it's Tiến", "it's Tiến"],
  ])('%j → %j', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});

describe('truncate', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['hello world', 8, 'hello w…'],
    ['Việt Tiến', 5, 'Việt…'],
    ['👍👍👍👍', 3, '👍👍…'], // 8 UTF-16 units, 4 code points
    ['👍👍👍', 3, '👍👍👍'],
    ['a👍b', 2, 'a…'],
    ['abc', 1, '…'],
    ['abc', 0, ''],
    ['', 0, ''],
  ])('(%j, %d) → %j', (text, max, expected) => {
    expect(truncate(text, max)).toBe(expected);
  });

  it('never leaves a lone surrogate', () => {
    const text = '😀'.repeat(20);
    for (let max = 1; max <= 20; max++) {
      const out = truncate(text, max);
      expect(Array.from(out)).toHaveLength(max);
      expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });
});

describe('splitMessage', () => {
  const PAIRED_TAG = /<(\/?)(b|i|u|s|code|pre|a)\b[^>]*>/g;
  const stripTags = (s: string): string => s.replace(PAIRED_TAG, '');
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  /** Every tag is complete and every part closes exactly what it opens, in order. */
  function expectValidHtml(part: string): void {
    expect(part).not.toMatch(/<[^>]*$/);
    expect(part).not.toMatch(/^[^<]*>/);
    expect(part).not.toMatch(/&[#\w]*$/);
    const open: string[] = [];
    for (const [, closing, name] of part.matchAll(PAIRED_TAG)) {
      if (closing) expect(open.pop()).toBe(name);
      else open.push(name!);
    }
    expect(open).toEqual([]);
  }

  function expectValidSplit(text: string, max: number): string[] {
    const parts = splitMessage(text, max);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(max);
      expect(part).not.toMatch(loneSurrogate);
      expectValidHtml(part);
    }
    expect(stripTags(parts.join(''))).toBe(stripTags(text));
    return parts;
  }

  it('returns short text as one part', () => {
    expect(splitMessage('xin chào')).toEqual(['xin chào']);
    expect(splitMessage('')).toEqual(['']);
    expect(splitMessage('a'.repeat(4096))).toEqual(['a'.repeat(4096)]);
  });

  it('uses 4096 by default', () => {
    const parts = splitMessage('word '.repeat(2000));
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    expect(parts.join('')).toBe('word '.repeat(2000));
  });

  it.each([
    ['a blank line before a later newline', 'aaaa\n\nbbbb\ncc', 12, ['aaaa\n\n', 'bbbb\ncc']],
    ['a newline before a later space', 'aaaa\nbb bb cc', 10, ['aaaa\n', 'bb bb cc']],
    ['the last space', 'aa bb cc dd', 7, ['aa bb ', 'cc dd']],
    ['a hard cut when there is no space', 'abcdefghij', 4, ['abcd', 'efgh', 'ij']],
  ])('prefers %s', (_name, text, max, expected) => {
    expect(splitMessage(text, max)).toEqual(expected);
    expect(splitMessage(text, max).join('')).toBe(text);
  });

  it('rejoins plain text exactly', () => {
    const text = Array.from({ length: 60 }, (_, i) => `Dòng ${i}: sáng kiến cải tiến ${'x'.repeat(i % 7)}`).join('\n');
    for (const max of [20, 37, 64, 100, 500]) {
      const parts = expectValidSplit(text, max);
      expect(parts.join('')).toBe(text);
    }
  });

  it('does not cut a surrogate pair at the boundary', () => {
    const text = 'a'.repeat(9) + '😀' + 'b'.repeat(5);
    expect(splitMessage(text, 10)).toEqual(['a'.repeat(9), '😀bbbbb']);
    const emoji = '😀'.repeat(15);
    for (const max of [3, 4, 5, 7]) {
      const parts = expectValidSplit(emoji, max);
      expect(parts.join('')).toBe(emoji);
    }
  });

  it('closes and reopens open tags at a break', () => {
    expect(splitMessage('<b>one two three</b>', 15)).toEqual(['<b>one two </b>', '<b>three</b>']);
    expect(splitMessage('<b>bold <i>both words</i></b> end', 24)).toEqual([
      '<b>bold <i>both </i></b>',
      '<b><i>words</i></b> end',
    ]);
  });

  it('reopens a tag with its attributes', () => {
    const parts = splitMessage('<a href="https://t.me/x">long link text here</a>', 40);
    expect(parts).toEqual(['<a href="https://t.me/x">long link </a>', '<a href="https://t.me/x">text here</a>']);
  });

  it('never breaks inside a tag or an entity', () => {
    const text = 'x'.repeat(8) + '<code>y</code>' + ' a &amp; b';
    for (let max = 16; max <= 24; max++) expectValidSplit(text, max);
    expect(splitMessage('aaaaaa&amp;bb', 8)).toEqual(['aaaaaa', '&amp;bb']);
  });

  it('keeps each part valid for escaped user text inside markup', () => {
    const user = escapeHtml('Đề xuất <thay> "máy" & quy trình 👍 '.repeat(20));
    const text = `<b>Sáng kiến #12</b>\n\n<i>${user}</i>\n\n<pre>${user}</pre>`;
    for (const max of [50, 80, 200, 1000]) expectValidSplit(text, max);
  });

  it('holds its invariants on random marked-up text', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 48271) % 2147483647; // Park–Miller, deterministic
      return seed % n;
    };
    const words = ['a', 'Tiến', '😀', '&amp;', '&lt;', ' ', ' ', '\n', '\n\n', 'xyz', '👍🏽'];
    const tags = ['b', 'i', 'u', 's', 'code'];
    for (let round = 0; round < 200; round++) {
      let text = '';
      const open: string[] = [];
      for (let n = 0; n < 60; n++) {
        const r = random(10);
        const tag = tags[random(tags.length)]!;
        if (r === 0 && !open.includes(tag)) {
          text += `<${tag}>`;
          open.push(tag);
        } else if (r === 1 && open.length) {
          text += `</${open.pop()}>`;
        } else {
          text += words[random(words.length)];
        }
      }
      while (open.length) text += `</${open.pop()}>`;
      expectValidSplit(text, 60 + random(60)); // ≥ 60: room for 5 reopened and closed tags
    }
  });
});
