import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/admin/args.js';

const errorOf = (argv: string[]) => {
  const parsed = parseCommandLine(argv);
  return parsed.ok ? null : parsed.error;
};

describe('reading the admin command line', () => {
  it('reads each command with its options, in either --option value or --option=value form', () => {
    expect(parseCommandLine(['import-units', 'units.csv'])).toEqual({
      ok: true,
      command: { name: 'import-units', file: 'units.csv' },
    });
    expect(
      parseCommandLine([
        'create-campaign',
        '--code',
        'SK2026',
        '--name=1 triệu sáng kiến',
        '--start',
        '2026-01-01',
        '--end',
        '2026-12-31',
        '--lang',
        'en',
      ]),
    ).toEqual({
      lang: 'en',
      ok: true,
      command: {
        name: 'create-campaign',
        code: 'SK2026',
        campaignName: '1 triệu sáng kiến',
        start: '2026-01-01',
        end: '2026-12-31',
      },
    });
    expect(parseCommandLine(['grant-role', '--unit', 'HN', '--role', 'support', '--zalo-id', 'abc'])).toMatchObject({
      command: { name: 'grant-role', unitCode: 'HN', role: 'support', channel: 'zalo', externalId: 'abc' },
    });
    expect(parseCommandLine(['list-units'])).toMatchObject({ ok: true, command: { name: 'list-units' } });
    expect(parseCommandLine([])).toMatchObject({ ok: true, command: { name: 'help' } });
  });

  it('names what is wrong with a command line', () => {
    expect(errorOf(['frobnicate'])).toEqual({ key: 'admin-usage-unknown-command', vars: { command: 'frobnicate' } });
    expect(errorOf(['import-units'])).toEqual({ key: 'admin-usage-missing-file' });
    expect(errorOf(['import-units', 'a.csv', 'b.csv'])).toEqual({
      key: 'admin-usage-extra-argument',
      vars: { argument: 'b.csv' },
    });
    expect(errorOf(['list-units', '--under'])).toEqual({
      key: 'admin-usage-missing-value',
      vars: { option: '--under' },
    });
    expect(errorOf(['list-units', '--depth', '2'])).toEqual({
      key: 'admin-usage-unknown-option',
      vars: { option: '--depth' },
    });
    expect(errorOf(['create-campaign', '--code', 'X', '--name', 'Y', '--start', '2026-01-01'])).toEqual({
      key: 'admin-usage-missing-option',
      vars: { option: '--end' },
    });
    expect(errorOf(['grant-role', '--unit', 'HN', '--role', 'support'])).toEqual({ key: 'admin-usage-one-account' });
    expect(
      errorOf(['grant-role', '--unit', 'HN', '--role', 'support', '--telegram-id', '1', '--zalo-id', '2']),
    ).toEqual({
      key: 'admin-usage-one-account',
    });
    expect(errorOf(['list-units', '--under', 'A', '--under', 'B'])).toEqual({
      key: 'admin-usage-repeated-option',
      vars: { option: '--under' },
    });
  });
});
