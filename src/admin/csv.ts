import { CsvError, parse } from 'csv-parse/sync';
import { problem, rejected, type Checked, type Problem } from './problems.js';

/** One data row, with the physical line it starts on (header = line 1) for error reports. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Reads an admin CSV (UTF-8, optional BOM, `,` or `;`) whose header must be `columns`. Cells are
 * trimmed and lines with no value at all are skipped. Rows with the wrong number of cells come back
 * as problems, apart from the rows, so the caller can report them along with its own findings.
 */
export function readCsv(text: string, columns: readonly string[]): Checked<{ rows: CsvRow[]; badRows: Problem[] }> {
  const delimiter = guessDelimiter(text);
  let records: CsvRow[];
  const unreadable: Problem[] = [];
  try {
    records = parseRecords(text, delimiter, 1);
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    // One broken line (an unclosed quote) must not hide the others' problems: read line by line instead.
    records = [];
    text.split(/\r?\n/).forEach((line, i) => {
      try {
        records.push(...parseRecords(line, delimiter, i + 1));
      } catch (lineErr) {
        if (!(lineErr instanceof CsvError)) throw lineErr;
        unreadable.push(problem('admin-csv-malformed-line', undefined, i + 1));
      }
    });
  }

  const [header, ...rows] = records;
  const expected = columns.join(',');
  if (!header) return rejected(unreadable.length > 0 ? unreadable : [problem('admin-csv-empty', { expected })]);
  if (header.cells.map((c) => c.toLowerCase()).join(',') !== expected) {
    return rejected([problem('admin-csv-bad-header', { expected }, header.line), ...unreadable]);
  }
  const fits = (row: CsvRow) => row.cells.length === columns.length;
  const badRows = rows
    .filter((row) => !fits(row))
    .map((row) => problem('admin-reason-columns', { found: row.cells.length, expected: columns.length }, row.line));
  return { ok: true, rows: rows.filter(fits), badRows: [...unreadable, ...badRows] };
}

/** The records of `text`, each with the physical line it starts on, counting from `firstLine`. */
function parseRecords(text: string, delimiter: string, firstLine: number): CsvRow[] {
  const records: CsvRow[] = [];
  parse(text, {
    bom: true,
    delimiter,
    trim: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    relax_column_count: true,
    on_record: (cells, context) => {
      // context.lines is the line the record ends on; quoted cells may span several.
      const breaks = cells.join('').split('\n').length - 1;
      records.push({ line: firstLine - 1 + context.lines - breaks, cells });
      return null;
    },
  });
  return records;
}

// Spreadsheets in locales with a decimal comma (Vietnamese among them) save CSV with semicolons.
function guessDelimiter(text: string): string {
  const header = text.split('\n', 1)[0] ?? '';
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}
