import { readFileSync } from 'node:fs';
import { parse, Message, Term } from '@fluent/syntax';
import { describe, expect, it } from 'vitest';
import { I18n, LOCALES_DIR } from '../../src/core/i18n.js';

const keysOf = (locale: string): string[] => {
  const resource = parse(readFileSync(`${LOCALES_DIR}${locale}.ftl`, 'utf8'), {});
  const junk = resource.body.filter((entry) => entry.type === 'Junk');
  expect(junk, `locales/${locale}.ftl has syntax errors`).toEqual([]);
  return resource.body
    .filter((e): e is Message | Term => e instanceof Message || e instanceof Term)
    .map((e) => e.id.name)
    .sort();
};

describe('the locale files', () => {
  it('have exactly the same keys in Vietnamese and English', () => {
    const vi = keysOf('vi');
    const en = keysOf('en');
    expect(
      vi.filter((k) => !en.includes(k)),
      'in vi.ftl only',
    ).toEqual([]);
    expect(
      en.filter((k) => !vi.includes(k)),
      'in en.ftl only',
    ).toEqual([]);
    expect(new Set(vi).size, 'a key is defined twice').toBe(vi.length);
  });

  it('load without errors and render selectors', () => {
    const i18n = new I18n();
    expect(i18n.t('vi', 'category-name', { category: 'creativity' })).toBe('Sáng tạo');
    expect(i18n.t('en', 'quick-offer', { idea: 'x', attachments: 2 })).toContain('(with 2 files)');
    expect(() => i18n.t('vi', 'no-such-key')).toThrow(/no message/);
  });
});

describe('the code', () => {
  it('only uses locale keys that exist', async () => {
    const { readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const sourceFiles = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const vi = new Set(keysOf('vi'));
    const used = ['src', 'handlers']
      .flatMap(sourceFiles)
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\bmsg\(\s*'([a-z0-9-]+)'/g)].map((m) => `${m[1]} (${file})`),
      );
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((entry) => !vi.has(entry.split(' ')[0]!))).toEqual([]);
  });
});
