import { beforeEach, describe, expect, it } from 'vitest';
import { importUnits } from '../../src/admin/import-units.js';
import { UnitModel } from '../../src/models/index.js';
import { useTestDatabase } from '../support/servers.js';
import { accepted, csv, problemsOf } from './helpers.js';

const HEADER = 'code,name,parent_code,level';
const TREE = csv(
  HEADER,
  'VN,Tổng Liên đoàn Lao động Việt Nam,,national',
  'HN,Liên đoàn Lao động TP Hà Nội,VN,province',
  'HCM,Liên đoàn Lao động TP Hồ Chí Minh,VN,province',
  'HN-KCN,Công đoàn các Khu công nghiệp Hà Nội,HN,upper',
  'HN-MAY10,Công đoàn Công ty May 10,HN-KCN,grassroots',
  'HN-DAMEN,Công đoàn Công ty Đá mài,HN-KCN,grassroots',
);

const ancestorsOf = async (code: string) => (await UnitModel.findOne({ code }).lean())?.ancestors;

describe('import-units', () => {
  useTestDatabase();
  beforeEach(async () => {
    await UnitModel.deleteMany({});
  });

  it('an admin imports the unit tree', async () => {
    const summary = accepted(await importUnits(`\uFEFF${TREE}`));
    expect(summary).toEqual({ ok: true, created: 6, updated: 0, unchanged: 0, descendantsMoved: 0 });

    const may10 = await UnitModel.findOne({ code: 'HN-MAY10' }).lean();
    expect(may10).toMatchObject({
      name: 'Công đoàn Công ty May 10',
      searchName: 'cong doan cong ty may 10',
      parentCode: 'HN-KCN',
      level: 'grassroots',
      ancestors: ['VN', 'HN', 'HN-KCN'],
    });
    expect(await ancestorsOf('VN')).toEqual([]);
    expect(await UnitModel.findOne({ code: 'HN-DAMEN' }).lean()).toMatchObject({
      searchName: 'cong doan cong ty da mai',
    });
  });

  it('reads a semicolon file from a spreadsheet, with quotes, blank lines and untidy names', async () => {
    const text =
      'code;name;parent_code;level\r\n VN ; "Tổng LĐLĐ  Việt Nam" ;;national\r\n\r\n;;;\r\nDN;"Công đoàn ngành\r\nDầu khí";VN;SECTOR\r\n';
    expect(accepted(await importUnits(text)).created).toBe(2);
    expect(await UnitModel.findOne({ code: 'DN' }).lean()).toMatchObject({
      name: 'Công đoàn ngành Dầu khí',
      level: 'sector',
      ancestors: ['VN'],
    });
    expect((await UnitModel.findOne({ code: 'VN' }).lean())?.name).toBe('Tổng LĐLĐ Việt Nam');
  });

  it('a bad file is rejected whole with every bad line named', async () => {
    accepted(
      await importUnits(
        csv(
          HEADER,
          'VN,Tổng LĐLĐ,,national',
          'HN,LĐLĐ Hà Nội,VN,province',
          'HN-KCN,CĐ KCN,HN,upper',
          'G1,CĐCS 1,HN-KCN,grassroots',
        ),
      ),
    );
    const bad = csv(
      HEADER, // line 1
      'OK1,Một đơn vị hợp lệ,HN,upper', // 2: fine, but must not be written
      ',Không có mã,HN,upper', // 3
      'co dau,Mã có khoảng trắng,HN,upper', // 4
      'NONAME,  ,HN,upper', // 5
      `LONG,${'x'.repeat(201)},HN,upper`, // 6
      'LVL,Cấp lạ,HN,district', // 7
      'OK1,Trùng mã,HN,upper', // 8
      'ORPHAN,Không có cha,NOWHERE,upper', // 9
      'ROOT,Cơ sở không có cha,,grassroots', // 10
      'UP,Cấp trên thấp hơn con,G1,upper', // 11
      'SELF,Tự làm cha mình,SELF,upper', // 12
      'FEW,Thiếu cột', // 13
      'HN-KCN,CĐ KCN thành cơ sở,HN,grassroots', // 14: stored child G1 is grassroots too
    );
    expect(problemsOf(await importUnits(bad))).toEqual([
      [3, 'admin-reason-empty-code'],
      [4, 'admin-reason-code-format'],
      [5, 'admin-reason-empty-name'],
      [6, 'admin-reason-name-too-long'],
      [7, 'admin-reason-bad-level'],
      [8, 'admin-reason-duplicate-code'],
      [9, 'admin-reason-unknown-parent'],
      [10, 'admin-reason-needs-parent'],
      [11, 'admin-reason-parent-level'],
      [12, 'admin-reason-cycle'],
      [13, 'admin-reason-columns'],
      [14, 'admin-reason-child-level'],
    ]);
    expect(await UnitModel.countDocuments()).toBe(4);
    expect((await UnitModel.findOne({ code: 'HN-KCN' }).lean())?.level).toBe('upper');
  });

  it('a line with an unclosed quote is named, and does not hide the other lines’ problems', async () => {
    const bad = csv(
      HEADER, // line 1
      'VN,Tổng LĐLĐ,,national', // 2
      'HN,"LĐLĐ Hà Nội,VN,province', // 3: the quote is never closed
      'LVL,Cấp lạ,VN,district', // 4
    );
    const problems = problemsOf(await importUnits(bad));
    expect(problems).toContainEqual([3, 'admin-csv-malformed-line']);
    expect(problems).toContainEqual([4, 'admin-reason-bad-level']);
    expect(await UnitModel.countDocuments()).toBe(0);
  });

  it('re-importing renames and moves a unit without duplicating it, and its descendants follow', async () => {
    accepted(await importUnits(TREE));
    const moved = csv(
      HEADER,
      'HCM-KCX,Công đoàn các Khu chế xuất và Công nghiệp TP.HCM,HCM,upper',
      'HN-KCN,Công đoàn các KCN & KCX,HCM,upper',
    );
    expect(accepted(await importUnits(moved))).toEqual({
      ok: true,
      created: 1,
      updated: 1,
      unchanged: 0,
      descendantsMoved: 2,
    });

    expect(await UnitModel.countDocuments({ code: 'HN-KCN' })).toBe(1);
    expect(await UnitModel.findOne({ code: 'HN-KCN' }).lean()).toMatchObject({
      name: 'Công đoàn các KCN & KCX',
      searchName: 'cong doan cac kcn kcx',
      parentCode: 'HCM',
      ancestors: ['VN', 'HCM'],
    });
    expect(await ancestorsOf('HN-MAY10')).toEqual(['VN', 'HCM', 'HN-KCN']);
    expect(await ancestorsOf('HN-DAMEN')).toEqual(['VN', 'HCM', 'HN-KCN']);

    // Moving back: the grassroots units are in this file, so they count as updated rather than moved.
    expect(accepted(await importUnits(TREE))).toEqual({
      ok: true,
      created: 0,
      updated: 3,
      unchanged: 3,
      descendantsMoved: 0,
    });
    expect(await ancestorsOf('HN-MAY10')).toEqual(['VN', 'HN', 'HN-KCN']);
    expect(await UnitModel.countDocuments()).toBe(7);
  });

  it('a cycle is refused', async () => {
    accepted(await importUnits(TREE));
    // HN would sit under its own grandchild: HN → HN-MAY10 → HN-KCN → HN.
    const result = await importUnits(csv(HEADER, 'HN,Liên đoàn Lao động TP Hà Nội,HN-MAY10,province'));
    expect(problemsOf(result)).toEqual([
      [2, 'admin-reason-cycle'],
      [2, 'admin-reason-parent-level'],
    ]);
    expect(!result.ok && result.problems[0]?.reason.vars).toEqual({ path: 'HN → HN-MAY10 → HN-KCN → HN' });
    expect(await ancestorsOf('HN-MAY10')).toEqual(['VN', 'HN', 'HN-KCN']);

    const twoInTheFile = await importUnits(csv(HEADER, 'A,Đơn vị A,B,upper', 'B,Đơn vị B,A,upper'));
    expect(problemsOf(twoInTheFile).filter(([, key]) => key === 'admin-reason-cycle')).toEqual([
      [2, 'admin-reason-cycle'],
      [3, 'admin-reason-cycle'],
    ]);
  });

  it('imports a 5-level tree of 10,000 grassroots unions in one go, and a second run changes nothing', async () => {
    // national → province/sector → district union (upper) → industrial-zone union (upper) → grassroots
    const lines = [HEADER, 'VN,Tổng Liên đoàn Lao động Việt Nam,,national'];
    for (let p = 1; p <= 20; p++) {
      const top = p <= 16 ? `P${p}` : `S${p}`;
      lines.push(`${top},${p <= 16 ? 'LĐLĐ tỉnh' : 'Công đoàn ngành'} ${p},VN,${p <= 16 ? 'province' : 'sector'}`);
      for (let d = 1; d <= 5; d++) {
        lines.push(`${top}-D${d},Công đoàn huyện ${p}.${d},${top},upper`);
        for (let z = 1; z <= 4; z++) {
          lines.push(`${top}-D${d}-Z${z},Công đoàn KCN ${p}.${d}.${z},${top}-D${d},upper`);
          for (let g = 1; g <= 25; g++)
            lines.push(`${top}-D${d}-Z${z}-G${g},Công đoàn cơ sở ${p}.${d}.${z}.${g},${top}-D${d}-Z${z},grassroots`);
        }
      }
    }
    const units = lines.length - 1;
    expect(units).toBe(10_521);

    expect(accepted(await importUnits(csv(...lines)))).toMatchObject({ created: units, updated: 0 });
    expect(await UnitModel.countDocuments()).toBe(units);
    expect(await ancestorsOf('S20-D5-Z4-G25')).toEqual(['VN', 'S20', 'S20-D5', 'S20-D5-Z4']);
    expect(accepted(await importUnits(csv(...lines)))).toMatchObject({ created: 0, updated: 0, unchanged: units });
  }, 60_000);
});
