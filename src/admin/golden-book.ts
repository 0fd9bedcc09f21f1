import { msg, type Msg } from '../core/i18n.js';
import { goldenBook } from '../services/golden-book.service.js';
import { goldenBookCsv, goldenBookFileName, goldenBookXlsx, type Translate } from '../services/golden-book-export.js';
import { problem, rejected, type Checked } from './problems.js';

export interface ExportGoldenBook {
  unitCode: string;
  campaign?: string;
  year?: number;
  out?: string;
}

/** export-goldenbook: writes the unit's golden book as XLSX (or CSV, by the file's extension). */
export async function exportGoldenBook(
  command: ExportGoldenBook,
  t: Translate,
  write: (path: string, data: Buffer) => Promise<void>,
): Promise<Checked<{ lines: Msg[] }>> {
  const scope = command.campaign !== undefined ? { campaignCode: command.campaign } : { year: command.year ?? 0 };
  const book = await goldenBook(command.unitCode, scope);
  if (!book) return rejected([problem('admin-goldenbook-unknown-unit', { code: command.unitCode })]);
  const csv = command.out?.toLowerCase().endsWith('.csv') ?? false;
  const file = command.out ?? goldenBookFileName(book, 'xlsx');
  await write(file, csv ? goldenBookCsv(book, t) : await goldenBookXlsx(book, t));
  const count = book.sections.reduce((n, s) => n + s.entries.length, 0);
  return { ok: true, lines: [msg('admin-goldenbook-written', { file, count })] };
}
