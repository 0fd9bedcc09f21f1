import { describe, expect, it } from 'vitest';
import { decodeAdminFile } from '../../src/admin/encoding.js';

const text = 'code,name,parent_code,level\nCT-THEP,Công ty Thép,,grassroots\n';

describe('an admin file, however Excel saved it', () => {
  it('reads UTF-8, with or without the BOM', () => {
    expect(decodeAdminFile(Buffer.from(text, 'utf8'), 'u.csv')).toEqual({ text, encoding: 'utf-8' });
    expect(
      decodeAdminFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'u.csv'),
    ).toMatchObject({ encoding: 'utf-8' });
  });

  it('reads "Unicode text" (UTF-16 with its BOM)', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeAdminFile(utf16, 'u.csv')).toEqual({ text, encoding: 'utf-16le' });
  });

  it('reads a CSV from Excel on Vietnamese Windows (Windows-1258) with its accents', () => {
    // "Công ty Thép" in Windows-1258: ô = F4, é = E9.
    const cp1258 = Buffer.from([0x43, 0xf4, 0x6e, 0x67, 0x20, 0x74, 0x79, 0x20, 0x54, 0x68, 0xe9, 0x70]);
    expect(decodeAdminFile(cp1258, 'u.csv')).toEqual({ text: 'Công ty Thép', encoding: 'windows-1258' });
  });

  it('refuses a file that is not text rather than importing it garbled', () => {
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(decodeAdminFile(xlsx, 'units.xlsx')).toMatchObject({ reason: { key: 'admin-file-not-text' } });
  });
});
