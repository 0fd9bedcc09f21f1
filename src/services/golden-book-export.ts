import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { formatDay } from '../core/time.js';
import { shortUnitName } from '../core/unit-name.js';
import type { GoldenBook, GoldenEntry } from './golden-book.service.js';

/** Renders a locale key (the golden book's headers and labels) in the reader's language. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

const COLUMNS: { key: string; width: number }[] = [
  { key: 'goldenbook-col-no', width: 6 },
  { key: 'goldenbook-col-code', width: 16 },
  { key: 'goldenbook-col-title', width: 48 },
  { key: 'goldenbook-col-author', width: 24 },
  { key: 'goldenbook-col-coauthors', width: 28 },
  { key: 'goldenbook-col-unit', width: 32 },
  { key: 'goldenbook-col-category', width: 14 },
  { key: 'goldenbook-col-value', width: 20 },
  { key: 'goldenbook-col-decision', width: 20 },
  { key: 'goldenbook-col-date', width: 14 },
];
/** Where the value and the decision date are (1-based), for their cell formats. */
const VALUE_COLUMN = 8;
const DATE_COLUMN = 10;

/**
 * An entry's cells, in COLUMNS order; a trade secret's title is not written (the count and the rest are).
 * The decision date is a Date for the workbook (a real date cell) and "20/11/2026" text in CSV and PDF.
 */
function cells(t: Translate, e: GoldenEntry, no: number): (string | number | Date | null)[] {
  return [
    no,
    e.code,
    e.confidential ? t('goldenbook-confidential') : e.title,
    e.author,
    e.coAuthors.join(', '),
    e.unitName,
    t('category-name', { category: e.category ?? 'none' }),
    e.valueVnd,
    e.decisionNumber ?? '',
    e.decisionDate,
  ];
}

export const scopeLabel = (t: Translate, book: GoldenBook): string =>
  'campaignCode' in book.scope
    ? t('goldenbook-scope-campaign', { campaign: book.scope.campaignCode })
    : t('goldenbook-scope-year', { year: String(book.scope.year) });

// Excel shows both in the reader's own locale: 120.000.000 and 20/11/2026 on a Vietnamese Excel.
const VALUE_FORMAT = '#,##0';
const DATE_FORMAT = 'dd/mm/yyyy';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE68A' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 27)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

/** The golden book as an XLSX workbook: a summary sheet, then one sheet per section (child unit), formatted, with totals. */
export async function goldenBookXlsx(book: GoldenBook, t: Translate): Promise<Buffer> {
  // Loaded on first use: ExcelJS adds ~27 MiB to a process that may never export a book.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Sáng kiến bot';
  const taken = new Set<string>();
  const title = t('goldenbook-title', { unit: book.unit.name, scope: scopeLabel(t, book) });

  const summary = wb.addWorksheet(sheetName(t('goldenbook-summary-sheet'), taken), {
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  summary.columns = [{ width: 6 }, { width: 16 }, { width: 48 }, { width: 16 }, { width: 22 }];
  summary.addRow([title]).font = { bold: true, size: 14 };
  summary.mergeCells(1, 1, 1, 5);
  summary.addRow([]);
  const head = summary.addRow([
    t('goldenbook-col-no'),
    t('goldenbook-col-unit-code'),
    t('goldenbook-col-unit'),
    t('goldenbook-col-count'),
    t('goldenbook-col-value'),
  ]);
  styleHeader(head);
  book.sections.forEach((s, i) => {
    const row = summary.addRow([i + 1, s.unit.code, s.unit.name, s.entries.length, sumValue(s.entries)]);
    row.getCell(5).numFmt = VALUE_FORMAT;
    row.eachCell((c) => (c.border = THIN));
  });
  const all = book.sections.flatMap((s) => s.entries);
  const total = summary.addRow(['', '', t('goldenbook-total'), all.length, sumValue(all)]);
  total.font = { bold: true };
  total.getCell(5).numFmt = VALUE_FORMAT;

  for (const section of book.sections) {
    const sheet = wb.addWorksheet(sheetName(shortUnitName(section.unit.name), taken), {
      views: [{ state: 'frozen', ySplit: 3 }],
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
    sheet.addRow([`${t('goldenbook-heading')} – ${section.unit.name} – ${scopeLabel(t, book)}`]).font = {
      bold: true,
      size: 14,
    };
    sheet.mergeCells(1, 1, 1, COLUMNS.length);
    sheet.addRow([]);
    styleHeader(sheet.addRow(COLUMNS.map((c) => t(c.key))));
    section.entries.forEach((e, i) => {
      const row = sheet.addRow(cells(t, e, i + 1));
      row.alignment = { vertical: 'top', wrapText: true };
      row.getCell(VALUE_COLUMN).numFmt = VALUE_FORMAT;
      row.getCell(DATE_COLUMN).numFmt = DATE_FORMAT;
      row.eachCell({ includeEmpty: true }, (c) => (c.border = THIN));
    });
    const totals = sheet.addRow([
      '',
      '',
      t('goldenbook-total-count', { count: section.entries.length }),
      '',
      '',
      '',
      '',
      sumValue(section.entries),
    ]);
    totals.font = { bold: true };
    totals.getCell(VALUE_COLUMN).numFmt = VALUE_FORMAT;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = THIN;
  });
}

const sumValue = (entries: GoldenEntry[]): number => entries.reduce((s, e) => s + (e.valueVnd ?? 0), 0);

/** The golden book as one CSV table (UTF-8 with a BOM, so Excel reads the Vietnamese right; CRLF lines). */
export function goldenBookCsv(book: GoldenBook, t: Translate): Buffer {
  const rows: (string | number | null)[][] = [COLUMNS.map((c) => t(c.key))];
  let no = 0;
  for (const section of book.sections)
    for (const e of section.entries) rows.push(cells(t, e, ++no).map((v) => (v instanceof Date ? formatDay(v) : v)));
  const text = rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  // A leading =, +, - or @ would be read by a spreadsheet as a formula.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const require = createRequire(import.meta.url);
/** Be Vietnam Pro, shipped on npm: every Vietnamese diacritic, the same on every machine (as the charts). */
const PDF_FONTS = {
  regular: require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf'),
};
/** Points of each column on a landscape A4 page (782 pt between the margins), in COLUMNS order. */
const PDF_WIDTHS = [24, 78, 160, 78, 78, 100, 56, 66, 84, 58];
const PAD = 3;

type PdfCell = { text: string; bold?: boolean; right?: boolean };
type PdfRow = { cells: PdfCell[]; head?: boolean };

/**
 * A table drawn row by row: each row as tall as its tallest cell, the header repeated on each new page.
 * (pdfkit's own table cuts a wrapped cell's last line in some rows.)
 */
function pdfTable(doc: PDFKit.PDFDocument, widths: number[], header: PdfRow, rows: PdfRow[]): void {
  const bottom = doc.page.height - doc.page.margins.bottom;
  const heightOf = (row: PdfRow) =>
    Math.max(
      ...row.cells.map((c, i) =>
        doc
          .font(c.bold || row.head ? 'bold' : 'regular')
          .heightOfString(c.text || ' ', { width: widths[i]! - 2 * PAD }),
      ),
    ) +
    2 * PAD;
  const draw = (row: PdfRow) => {
    const h = heightOf(row);
    let x = doc.page.margins.left;
    const y = doc.y;
    row.cells.forEach((c, i) => {
      const w = widths[i]!;
      if (row.head) doc.rect(x, y, w, h).fill('#fde68a');
      doc.rect(x, y, w, h).lineWidth(0.5).stroke('#000000');
      doc
        .fillColor('#000000')
        .font(c.bold || row.head ? 'bold' : 'regular')
        .text(c.text, x + PAD, y + PAD, {
          width: w - 2 * PAD,
          align: row.head ? 'center' : c.right ? 'right' : 'left',
        });
      x += w;
    });
    doc.x = doc.page.margins.left;
    doc.y = y + h;
  };
  draw(header);
  for (const row of rows) {
    if (doc.y + heightOf(row) > bottom) {
      doc.addPage();
      draw(header);
    }
    draw(row);
  }
}

/**
 * The golden book as a PDF (landscape A4): the summary, then a table per child unit with its total. For the
 * Zalo OA, which takes PDF and Word files but not Excel.
 */
export async function goldenBookPdf(book: GoldenBook, t: Translate): Promise<Buffer> {
  // Loaded on first use, as ExcelJS: only a Zalo OA officer's /goldenbook draws a PDF.
  const { default: PDFDocument } = await import('pdfkit');
  const title = t('goldenbook-title', { unit: book.unit.name, scope: scopeLabel(t, book) });
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 30, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', PDF_FONTS.regular).registerFont('bold', PDF_FONTS.bold);
  const cell = (text: string | number | Date | null, more: Omit<PdfCell, 'text'> = {}): PdfCell => ({
    text: text instanceof Date ? formatDay(text) : String(text ?? ''),
    ...more,
  });
  const money = (v: number | null, bold = false) =>
    cell(v === null ? '' : v.toLocaleString('vi-VN'), { right: true, bold });
  const heading = (text: string, size: number) =>
    doc
      .font('bold')
      .fontSize(size)
      .text(text)
      .moveDown(0.4)
      .fontSize(size - 5);

  heading(title, 14);
  const all = book.sections.flatMap((s) => s.entries);
  pdfTable(
    doc,
    [30, 90, 300, 90, 130],
    {
      head: true,
      cells: [
        'goldenbook-col-no',
        'goldenbook-col-unit-code',
        'goldenbook-col-unit',
        'goldenbook-col-count',
        'goldenbook-col-value',
      ].map((k) => cell(t(k))),
    },
    [
      ...book.sections.map((s, i) => ({
        cells: [
          cell(i + 1),
          cell(s.unit.code),
          cell(s.unit.name),
          cell(s.entries.length, { right: true }),
          money(sumValue(s.entries)),
        ],
      })),
      {
        cells: [
          cell(''),
          cell(''),
          cell(t('goldenbook-total'), { bold: true }),
          cell(all.length, { bold: true, right: true }),
          money(sumValue(all), true),
        ],
      },
    ],
  );
  for (const section of book.sections) {
    doc.addPage();
    heading(`${t('goldenbook-heading')} – ${section.unit.name} – ${scopeLabel(t, book)}`, 12);
    pdfTable(doc, PDF_WIDTHS, { head: true, cells: COLUMNS.map((c) => cell(t(c.key))) }, [
      ...section.entries.map((e, i) => ({
        cells: cells(t, e, i + 1).map((v, col) => (col === 7 ? money(v as number | null) : cell(v))),
      })),
      {
        cells: [
          ...['', ''].map((x) => cell(x)),
          cell(t('goldenbook-total-count', { count: section.entries.length }), { bold: true }),
          ...['', '', '', ''].map((x) => cell(x)),
          money(sumValue(section.entries), true),
          ...['', ''].map((x) => cell(x)),
        ],
      },
    ]);
  }
  doc.end();
  return done;
}

/** A file name for the export, e.g. "so-vang-KCN-TL-2026.xlsx". */
export const goldenBookFileName = (book: GoldenBook, ext: 'xlsx' | 'csv' | 'pdf'): string =>
  `so-vang-${book.unit.code}-${'campaignCode' in book.scope ? book.scope.campaignCode : book.scope.year}.${ext}`;
