/**
 * Tables for people to open in a spreadsheet: CSV (UTF-8 with a BOM so Excel reads the Chinese,
 * CRLF lines) and xlsx (a bold frozen header row, numbers formatted by kind). Used by every export.
 */

export type CellValue = string | number | null;

export interface Column<Row> {
  header: string;
  kind: 'text' | 'int' | 'score' | 'percent' | 'datetime';
  value(row: Row): CellValue;
}

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Quotes a CSV field when needed, and defuses cells a spreadsheet would run as a formula. */
function csvField(value: CellValue): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function csvValue(kind: Column<unknown>['kind'], v: CellValue): CellValue {
  if (v === null || typeof v === 'string') return v;
  if (kind === 'percent') return `${(v * 100).toFixed(2)}%`;
  if (kind === 'score') return v.toFixed(2);
  return v;
}

/** The header line and the rows' lines, each ending in CRLF (no BOM: see csvTable). */
export function csvLines<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  header: boolean,
): string {
  const lines = header ? [columns.map((c) => csvField(c.header)).join(',')] : [];
  for (const row of rows) lines.push(columns.map((c) => csvField(csvValue(c.kind, c.value(row)))).join(','));
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}

/** A whole CSV file: BOM, header, rows; empty cell for null. */
export function csvTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  return `\uFEFF${csvLines(columns, rows, true)}`;
}

/** A whole xlsx workbook of one sheet. */
export async function xlsxTable<Row>(
  sheetName: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): Promise<Buffer> {
  // Loaded on the first export, not at start: the library is a third of a second to import.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhicheng 智城';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const formats = { percent: '0.00%', score: '0.00', datetime: 'General', int: 'General', text: 'General' };
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.kind === 'text' ? 24 : c.kind === 'datetime' ? 26 : 12,
    style: { numFmt: formats[c.kind] },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
