import type { z } from 'zod';
import type { Actor } from '../../platform/auth.js';
import type { Conn } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import type { Column } from '../../platform/tabular.js';
import { presentReport } from './cases.presenter.js';
import { listCases } from './cases.query.js';
import type { listQuery } from './cases.schema.js';
import { statusLabels, type CaseStatus } from './cases.state.js';

/** The case list's filters (GET /api/cases) without its paging. */
export type CaseListFilters = Omit<z.infer<typeof listQuery>, 'page' | 'pageSize'>;

/** One exported case: the row with the names and the founding report's reporter as the actor may see them. */
export interface CaseExportRow {
  row: CaseRow;
  category: string | null;
  leadUnit: string | null;
  reporter: { name: string | null; phone: string | null };
}

const at = (d: Date | null) => d?.toISOString() ?? null;
const yes = (b: boolean | null) => (b === null ? null : b ? '是' : '否');

/** The columns of the case export, in order, with Chinese headers. */
export const caseExportColumns: Column<CaseExportRow>[] = [
  { header: '编号', kind: 'text', value: (c) => c.row.number },
  {
    header: '状态',
    kind: 'text',
    value: (c) => statusLabels[c.row.status as CaseStatus]?.zh ?? c.row.status,
  },
  { header: '标题', kind: 'text', value: (c) => c.row.title },
  { header: '诉求内容', kind: 'text', value: (c) => c.row.description },
  { header: '分类', kind: 'text', value: (c) => c.category },
  { header: '承办单位', kind: 'text', value: (c) => c.leadUnit },
  { header: '地址', kind: 'text', value: (c) => c.row.address },
  { header: '渠道', kind: 'text', value: (c) => c.row.channel },
  { header: '受理时间', kind: 'datetime', value: (c) => at(c.row.received_at) },
  { header: '办结时限', kind: 'datetime', value: (c) => at(c.row.resolve_due_at) },
  { header: '办结时间', kind: 'datetime', value: (c) => at(c.row.resolved_at) },
  { header: '超期', kind: 'text', value: (c) => yes(c.row.response_overdue || c.row.resolve_overdue) },
  { header: '反映人', kind: 'text', value: (c) => c.reporter.name },
  { header: '联系电话', kind: 'text', value: (c) => c.reporter.phone },
];

/**
 * The cases of the list (same filters, same scope as GET /api/cases) page by page, each with the
 * names a reader needs and its first reporter masked exactly as the case presenter masks them for
 * this actor. Yields each page with the total, so a job can report how far it is.
 */
export async function* exportCases(
  db: Conn,
  actor: Actor,
  filters: CaseListFilters,
  pageSize = 500,
): AsyncGenerator<{ rows: CaseExportRow[]; total: number }> {
  for (let page = 1; ; page++) {
    const { rows, total } = await listCases(db, actor, { ...filters, page, pageSize });
    if (rows.length === 0) {
      if (page === 1) yield { rows: [], total };
      return;
    }
    yield { rows: await withNames(db, actor, rows), total };
    if (page * pageSize >= total) return;
  }
}

async function withNames(db: Conn, actor: Actor, rows: CaseRow[]): Promise<CaseExportRow[]> {
  const ids = rows.map((r) => r.id);
  const categoryIds = [...new Set(rows.flatMap((r) => (r.category_id ? [r.category_id] : [])))];
  const unitIds = [...new Set(rows.flatMap((r) => (r.lead_unit_id ? [r.lead_unit_id] : [])))];
  const [categories, units, reports] = await Promise.all([
    categoryIds.length === 0
      ? []
      : db.selectFrom('categories').select(['id', 'name']).where('id', 'in', categoryIds).execute(),
    unitIds.length === 0
      ? []
      : db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', unitIds).execute(),
    db.selectFrom('reports').selectAll().where('case_id', 'in', ids).orderBy('received_at').execute(),
  ]);
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const first = new Map<string, (typeof reports)[number]>();
  for (const r of reports) if (!first.has(r.case_id)) first.set(r.case_id, r);
  return rows.map((row) => {
    const report = first.get(row.id);
    const reporter = report ? presentReport(report, actor).reporter : null;
    return {
      row,
      category: row.category_id ? (categoryName.get(row.category_id) ?? null) : null,
      leadUnit: row.lead_unit_id ? (unitName.get(row.lead_unit_id) ?? null) : null,
      reporter: { name: reporter?.name ?? null, phone: reporter?.phone ?? null },
    };
  });
}
