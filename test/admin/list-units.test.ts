import { describe, expect, it } from 'vitest';
import { importUnits } from '../../src/admin/import-units.js';
import { listUnits } from '../../src/admin/list-units.js';
import { useTestDatabase } from '../support/servers.js';
import { accepted, csv, problemsOf } from './helpers.js';

const importTree = async () =>
  accepted(
    await importUnits(
      csv(
        'code,name,parent_code,level',
        'HN-KCN,CĐ các KCN Hà Nội,HN,upper',
        'VN,Tổng LĐLĐ Việt Nam,,national',
        'HN,LĐLĐ Hà Nội,VN,province',
        'DK,CĐ Dầu khí Việt Nam,VN,sector',
        'HN-MAY10,CĐ Công ty May 10,HN-KCN,grassroots',
        'HN-BIA,CĐ Công ty Bia Hà Nội,HN-KCN,grassroots',
        'DK-PVGAS,CĐ Tổng công ty Khí,DK,upper',
      ),
    ),
  );

describe('list-units', () => {
  useTestDatabase({ each: true });

  it('says nothing before a tree is imported', async () => {
    expect(await listUnits()).toEqual({ ok: true, lines: [] });
  });

  it('prints the whole tree, children sorted by code, two spaces per level', async () => {
    await importTree();
    expect(await listUnits()).toEqual({
      ok: true,
      lines: [
        'VN  Tổng LĐLĐ Việt Nam  (national)',
        '  DK  CĐ Dầu khí Việt Nam  (sector)',
        '    DK-PVGAS  CĐ Tổng công ty Khí  (upper)',
        '  HN  LĐLĐ Hà Nội  (province)',
        '    HN-KCN  CĐ các KCN Hà Nội  (upper)',
        '      HN-BIA  CĐ Công ty Bia Hà Nội  (grassroots)',
        '      HN-MAY10  CĐ Công ty May 10  (grassroots)',
      ],
    });
  });

  it('prints the branch under a code, that unit included', async () => {
    await importTree();
    expect(await listUnits('HN')).toEqual({
      ok: true,
      lines: [
        'HN  LĐLĐ Hà Nội  (province)',
        '  HN-KCN  CĐ các KCN Hà Nội  (upper)',
        '    HN-BIA  CĐ Công ty Bia Hà Nội  (grassroots)',
        '    HN-MAY10  CĐ Công ty May 10  (grassroots)',
      ],
    });
    expect(await listUnits('HN-BIA')).toEqual({ ok: true, lines: ['HN-BIA  CĐ Công ty Bia Hà Nội  (grassroots)'] });
  });

  it('names an unknown code', async () => {
    expect(problemsOf(await listUnits('HP'))).toEqual([[undefined, 'admin-list-unknown-unit']]);
  });
});
