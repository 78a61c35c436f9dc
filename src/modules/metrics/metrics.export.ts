import { csvTable, xlsxTable, type Column } from '../../platform/tabular.js';
import type { Ranking } from './ranking.service.js';
import { rateKeys, rateNames } from './metrics.rules.js';

const kindNames: Record<string, string> = { street: '街道/乡镇', department: '部门' };

type Row = Ranking['rows'][number];

/** The columns of an exported ranking, in order, with Chinese headers. */
const columns: Column<Row>[] = [
  { header: '排名', kind: 'int', value: (r) => r.rank },
  { header: '单位编码', kind: 'text', value: (r) => r.group.code },
  { header: '单位名称', kind: 'text', value: (r) => r.group.name },
  { header: '类型', kind: 'text', value: (r) => kindNames[r.group.kind] ?? r.group.kind },
  { header: '综合得分', kind: 'score', value: (r) => r.composite },
  ...rateKeys.map((k): Column<Row> => ({ header: rateNames[k], kind: 'percent', value: (r) => r.rates[k] })),
  { header: '派单量', kind: 'int', value: (r) => r.counts.dispatched },
  { header: '在办', kind: 'int', value: (r) => r.counts.open },
  { header: '超期', kind: 'int', value: (r) => r.counts.overdue },
  { header: '已结案', kind: 'int', value: (r) => r.counts.closed },
  { header: '评价数', kind: 'int', value: (r) => r.counts.evaluations },
];

/** The ranking as CSV: UTF-8 with a BOM (so Excel reads the Chinese), CRLF lines, empty cell for null. */
export function rankingCsv(ranking: Ranking): string {
  return csvTable(columns, ranking.rows);
}

/** The ranking as an Excel workbook: a bold frozen header row, rates formatted as percentages. */
export async function rankingXlsx(ranking: Ranking): Promise<Buffer> {
  return xlsxTable(`排名 ${ranking.month ?? ''}`.trim(), columns, ranking.rows);
}
