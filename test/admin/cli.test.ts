import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCampaign } from '../../src/admin/campaigns.js';
import { importUnits } from '../../src/admin/import-units.js';
import { testRedisUrl, withTestDatabase } from '../support/servers.js';
import { randomBytes } from 'node:crypto';
import { accepted, csv } from './helpers.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('npm run admin (the real CLI, spawned)', () => {
  let db: Awaited<ReturnType<typeof withTestDatabase>>;
  let dir: string;
  const redisPrefix = `sk-test-${randomBytes(4).toString('hex')}:`;
  // Each story on a database of its own: what one imported is not there for another.
  beforeEach(async () => {
    db = await withTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'sk-admin-'));
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.close();
  });
  const tree = csv(
    'code,name,parent_code,level',
    'VN,Tổng LĐLĐ Việt Nam,,national',
    'HN,LĐLĐ Hà Nội,VN,province',
    'HN-KCN,CĐ các KCN Hà Nội,HN,upper',
    'HN-MAY10,CĐ Công ty May 10,HN-KCN,grassroots',
  );

  const file = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const admin = (...args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      const { ADMIN_LANG: _ignored, ...inherited } = process.env;
      // Its own Redis key space too (recount takes the fold's lock there).
      const env = { ...inherited, MONGODB_URI: db.uri, REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: redisPrefix };
      execFile(process.execPath, ['--import', 'tsx', 'src/admin/cli.ts', ...args], { env }, (err, stdout, stderr) => {
        resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
      });
    });

  it('an admin imports the unit tree from a file and lists a branch of it', async () => {
    const units = file('units.csv', tree);
    expect(await admin('import-units', units)).toEqual({
      code: 0,
      stdout: 'Đã nhập cây đơn vị: tạo mới 4, cập nhật 0, không đổi 0.\n',
      stderr: '',
    });
    expect(await admin('list-units', '--under', 'HN', '--lang', 'en')).toEqual({
      code: 0,
      stdout:
        'HN  LĐLĐ Hà Nội  (province)\n  HN-KCN  CĐ các KCN Hà Nội  (upper)\n    HN-MAY10  CĐ Công ty May 10  (grassroots)\n',
      stderr: '',
    });
    expect(await admin('list-units', '--under', 'HP', '--lang', 'en')).toMatchObject({
      code: 1,
      stderr: 'There is no unit with code "HP".\n',
    });
  }, 60_000);

  it('a bad file is refused with exit code 1 and every bad line named, in the language asked for', async () => {
    accepted(await importUnits(tree));
    const bad = file(
      'bad.csv',
      csv('code,name,parent_code,level', 'OK,Hợp lệ,HN,upper', 'X,Không cha,NOWHERE,upper', 'Y,,HN,upper'),
    );
    const vi = await admin('import-units', bad);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toBe(
      [
        'Chưa ghi gì vào cơ sở dữ liệu. Vui lòng sửa 2 lỗi sau rồi chạy lại:',
        '  - Dòng 3: không có đơn vị cấp trên "NOWHERE" trong tệp hay trong cơ sở dữ liệu.',
        '  - Dòng 4: thiếu tên.',
        '',
      ].join('\n'),
    );
    const en = await admin('import-units', bad, '--lang=en');
    expect(en.stderr).toContain('Line 3: parent unit "NOWHERE" is neither in the file nor in the database.');
    expect((await admin('list-units')).stdout).not.toContain('OK');
  }, 60_000);

  it('creates a campaign with targets and grants a role once', async () => {
    accepted(await importUnits(tree));
    const targets = file('targets.csv', csv('unit_code,target', 'HN,60000', 'HN-MAY10,120'));
    const campaign = await admin(
      'create-campaign',
      '--code',
      'SK2026',
      '--name',
      '1 triệu sáng kiến',
      '--start',
      '2026-01-01',
      '--end',
      '2026-12-31',
      '--targets',
      targets,
    );
    expect(campaign).toMatchObject({
      code: 0,
      stdout: 'Đã tạo phong trào SK2026 (2026-01-01 đến 2026-12-31).\nĐã đặt chỉ tiêu cho 2 đơn vị.\n',
    });

    const grant = ['grant-role', '--unit', 'HN-MAY10', '--role', 'support', '--telegram-id', '777000'];
    expect(await admin(...grant)).toMatchObject({
      code: 0,
      stdout: 'Đã cấp vai trò support tại đơn vị HN-MAY10 cho tài khoản telegram 777000.\n',
    });
    expect((await admin(...grant)).stdout).toContain('đã có vai trò support');
    expect(await admin('grant-role', '--unit', 'HN', '--role', 'support', '--telegram-id', '@bob')).toMatchObject({
      code: 1,
    });
  }, 60_000);

  it('recounts the progress counters of a campaign and refuses an unknown campaign', async () => {
    accepted(await importUnits(tree));
    accepted(
      await createCampaign({ code: 'SK2026', name: '1 triệu sáng kiến', start: '2026-01-01', end: '2026-12-31' }),
    );
    const done = await admin('recount', '--campaign', 'SK2026');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Đã tính lại tiến độ phong trào SK2026 từ 0 sáng kiến: 0 bộ đếm bị lệch');
    const unknown = await admin('recount', '--campaign', 'NOPE');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('không có phong trào mã "NOPE"');
  });

  it('prints the usage for help, --help and -h (exit 0); usage problems exit with code 2, a typo gets the closest command', async () => {
    for (const asked of [
      ['--lang', 'en'],
      ['help', '--lang', 'en'],
      ['--help', '--lang', 'en'],
      ['import-units', '-h', '--lang=en'],
    ]) {
      const help = await admin(...asked);
      expect(help.code, asked.join(' ')).toBe(0);
      expect(help.stdout).toContain('Usage: npm run admin -- <command>');
    }
    const unknown = await admin('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Không có lệnh "frobnicate"\.\n\nCách dùng:/);
    const typo = await admin('import-unit', 'units.csv', '--lang', 'en');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^There is no command "import-unit"\. Did you mean import-units\?/);
    expect((await admin('import-units')).code).toBe(2);
    expect(await admin('import-units', join(dir, 'missing.csv'))).toMatchObject({ code: 1 });
  }, 60_000);
});
