import type { Ranking } from './ranking.service.js';
import { rateKeys, rateNames } from './metrics.rules.js';

const kindNames: Record<string, string> = { street: '街道/乡镇', department: '部门' };

interface Column {
  header: string;
  kind: 'text' | 'int' | 'score' | 'percent';
  value(row: Ranking['rows'][number]): string | number | null;
}

/** The columns of an exported ranking, in order, with Chinese headers. */
const columns: Column[] = [
  { header: '排名', kind: 'int', value: (r) => r.rank },
  { header: '单位编码', kind: 'text', value: (r) => r.group.code },
  { header: '单位名称', kind: 'text', value: (r) => r.group.name },
  { header: '类型', kind: 'text', value: (r) => kindNames[r.group.kind] ?? r.group.kind },
  { header: '综合得分', kind: 'score', value: (r) => r.composite },
  ...rateKeys.map((k): Column => ({ header: rateNames[k], kind: 'percent', value: (r) => r.rates[k] })),
  { header: '派单量', kind: 'int', value: (r) => r.counts.dispatched },
  { header: '在办', kind: 'int', value: (r) => r.counts.open },
  { header: '超期', kind: 'int', value: (r) => r.counts.overdue },
  { header: '已结案', kind: 'int', value: (r) => r.counts.closed },
  { header: '评价数', kind: 'int', value: (r) => r.counts.evaluations },
];

/** Quotes a CSV field when needed, and defuses cells a spreadsheet would run as a formula. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function csvValue(c: Column, v: string | number | null): string | number | null {
  if (v === null || typeof v === 'string') return v;
  if (c.kind === 'percent') return `${(v * 100).toFixed(2)}%`;
  if (c.kind === 'score') return v.toFixed(2);
  return v;
}

/** The ranking as CSV: UTF-8 with a BOM (so Excel reads the Chinese), CRLF lines, empty cell for null. */
export function rankingCsv(ranking: Ranking): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of ranking.rows) {
    lines.push(columns.map((c) => csvField(csvValue(c, c.value(row)))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The ranking as an Excel workbook: a bold frozen header row, rates formatted as percentages. */
export async function rankingXlsx(ranking: Ranking): Promise<Buffer> {
  // Loaded on the first export, not at start: the library is a third of a second to import.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhicheng 智城';
  const sheet = workbook.addWorksheet(`排名 ${ranking.month ?? ''}`.trim(), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.kind === 'text' ? 24 : 12,
    style: { numFmt: c.kind === 'percent' ? '0.00%' : c.kind === 'score' ? '0.00' : 'General' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of ranking.rows) sheet.addRow(columns.map((c) => c.value(row)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
