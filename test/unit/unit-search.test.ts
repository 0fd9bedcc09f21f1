import { beforeAll, describe, expect, it } from 'vitest';
import { UnitModel } from '../../src/models/index.js';
import { findUnitByTypedCode, searchGrassroots, unitDirectory } from '../../src/services/units.service.js';
import { seedUnits } from '../support/fixtures.js';
import { useTestDatabase } from '../support/servers.js';

describe('finding a grassroots union the way workers type it', () => {
  useTestDatabase();
  beforeAll(() => seedUnits());

  it('matches every typed word at the start of a word, accents and case ignored', async () => {
    const names = async (q: string) => (await searchGrassroots(q, 8)).map((u) => u.name);
    expect(await names('cong ty may')).toEqual(['Công ty May Thăng Long', 'Công ty May Việt Tiến']);
    expect(await names('MAY viet')).toEqual(['Công ty May Việt Tiến']);
    expect(await names('co khi')).toEqual(['Công ty Cơ khí Hà Nội']);
    expect(await names('ay')).toEqual([]); // "ay" starts no word
    expect(await names('lien doan')).toEqual([]); // a province, not a grassroots union
    expect(await names('  ')).toEqual([]);
    expect(await searchGrassroots('cong ty', 1)).toHaveLength(2); // one more than asked: "there are more"
  });

  it('finds a unit by its code typed in any case', async () => {
    expect((await findUnitByTypedCode('cdcs-002'))?.name).toBe('Công ty Cơ khí Hà Nội');
    expect(await findUnitByTypedCode('CDCS-999')).toBeNull();
    expect(await findUnitByTypedCode('not a code!')).toBeNull();
  });

  it('sees units imported later once the directory is read again', async () => {
    await UnitModel.create({
      code: 'CDCS-NEW',
      name: 'Nhà máy Nước sạch',
      searchName: 'nha may nuoc sach',
      level: 'grassroots',
      parentCode: 'KCN-TL',
      ancestors: ['VN', 'HN', 'KCN-TL'],
    });
    unitDirectory.forget();
    expect((await searchGrassroots('nuoc sach', 8)).map((u) => u.code)).toEqual(['CDCS-NEW']);
  });
});
