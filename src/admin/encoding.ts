import { problem, type Problem } from './problems.js';

/** How an admin file was written, when it was not plain UTF-8 (the CLI says so, to be checked). */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/**
 * The text of an admin file, whatever Excel saved it as: UTF-8 (with or without BOM), UTF-16 ("Unicode
 * text", with its BOM) or, for bytes that are not UTF-8, Windows-1258 (Excel's CSV on Vietnamese
 * Windows; it writes some tones as combining marks, so the text is normalised to NFC). A file that is
 * none of these (binary, an .xlsx renamed) is refused rather than imported garbled.
 */
export function decodeAdminFile(bytes: Uint8Array, file: string): { text: string; encoding: Encoding } | Problem {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.includes(0)) return problem('admin-file-not-text', { file });
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decode('windows-1258', bytes).normalize('NFC'), encoding: 'windows-1258' };
  }
}

const decode = (encoding: string, bytes: Uint8Array): string => new TextDecoder(encoding).decode(bytes);
