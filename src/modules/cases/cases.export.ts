import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth.js';
import type { Conn } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import type { Column } from '../../platform/tabular.js';
import { presentReport } from './cases.presenter.js';
import { matchingCases } from './cases.query.js';
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
 * this actor. Yields each page with the total counted at the start, so a job can report how far it is.
 *
 * Pages follow the key (received_at, id), newest first, whatever the list's `sort`: neither column
 * ever changes and id breaks ties, so each page starts right after the previous page's last case
 * (keyset, no OFFSET). A case that matches when the export starts is written exactly once however
 * many cases are filed or changed meanwhile (what it holds is read when its page is: a case that
 * stops matching before then is left out). Cases filed during the export are newer than the key
 * reached and left out too, except a case split off meanwhile, which keeps its report's older time.
 * A deadline order could not promise this: an extension or a dispatch moves a case in it.
 */
export async function* exportCases(
  db: Conn,
  actor: Actor,
  filters: CaseListFilters,
  pageSize = 500,
): AsyncGenerator<{ rows: CaseExportRow[]; total: number }> {
  const matching = await matchingCases(db, actor, filters);
  const { n } = await matching.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  let after: string | null = null;
  for (;;) {
    const rows = await exportPage(matching, after, pageSize).execute();
    if (rows.length > 0 || after === null) yield { rows: await withNames(db, actor, rows), total };
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * One page of the export: the matching cases after the case `after` (by id; from the newest when
 * null) in the key's order, which the index cases_received (received_at, id) gives without a sort.
 */
export function exportPage(matching: MatchingCases, after: string | null, pageSize: number) {
  let page = matching.selectAll('c');
  // The previous page's last case by its id: its own key values, read back exactly (a Date would
  // drop the timestamp's microseconds). Cases are never deleted, so the row is there.
  if (after !== null)
    page = page.where(
      sql<SqlBool>`(c.received_at, c.id) < (select k.received_at, k.id from cases k where k.id = ${after})`,
    );
  return page.orderBy('c.received_at', 'desc').orderBy('c.id', 'desc').limit(pageSize);
}

type MatchingCases = Awaited<ReturnType<typeof matchingCases>>;

async function withNames(db: Conn, actor: Actor, rows: CaseRow[]): Promise<CaseExportRow[]> {
  if (rows.length === 0) return [];
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
