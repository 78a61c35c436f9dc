import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import type { Category } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { categoryPath, categoryTree, findCategoriesByIds } from '../categories/index.js';
import { findUnitById } from '../org/index.js';
import {
  presentRequest,
  presentService,
  presentServiceDefinition,
  type GeoReportRequest,
} from './open311.presenter.js';
import { listPublicRequests } from './open311.repository.js';
import type { RequestsQuery } from './open311.schema.js';

const DAY_MS = 86_400_000;
/** The spec's volume rule: a window of at most 90 days, at most 1,000 records. */
export const MAX_WINDOW_DAYS = 90;
export const MAX_RECORDS = 1000;
/** When this API's shape last changed (discovery `changeset`). */
const CHANGESET = '2026-11-22T00:00:00+08:00';

/** 404 for a jurisdiction other than this deployment's district (absent or empty is fine). */
export function checkJurisdiction(ctx: AppContext, jurisdictionId: string | undefined): void {
  if (jurisdictionId !== undefined && jurisdictionId !== ctx.config.DISTRICT_CODE) {
    throw new DomainError('not_found', `jurisdiction_id ${jurisdictionId} is not served here`);
  }
}

/** The discovery document for an endpoint whose base URL is `baseUrl` (ends with /). */
export function discovery(baseUrl: string) {
  return {
    changeset: CHANGESET,
    contact: 'Zhicheng 智城 — the district 12345 citizen service hotline',
    key_service:
      'Reading needs no API key; creating requests (POST requests) needs one, issued by the district administrator.',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: baseUrl,
        changeset: CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

type CategoryNode = Awaited<ReturnType<typeof categoryTree>>[number];

function leaves(nodes: CategoryNode[], group: Category | null, out: Array<[Category, Category]>) {
  for (const node of nodes) {
    const top = group ?? node.category;
    if (node.category.is_leaf) out.push([node.category, top]);
    leaves(node.children, top, out);
  }
  return out;
}

/** Every active leaf category as a service, in code order. */
export async function listServices(db: Conn) {
  const pairs = leaves(await categoryTree(db, false), null, []);
  return pairs.map(([category, group]) => presentService(category, group));
}

/** The category behind a service; 404 unless it is an active leaf category. */
export async function serviceCategory(db: Conn, code: string): Promise<Category> {
  const path = await categoryPath(db, code);
  const category = path[path.length - 1];
  if (!category || !category.is_leaf || path.some((c) => !c.active)) {
    throw new DomainError('not_found', `no service ${code}`);
  }
  return category;
}

/** The definition of one service, with its attributes. */
export async function serviceDefinition(db: Conn, code: string) {
  return presentServiceDefinition(await serviceCategory(db, code));
}

/** The time window a request list covers: the spec's default is the last 90 days. */
export function requestWindow(q: Pick<RequestsQuery, 'start_date' | 'end_date'>, now: Date) {
  const to = q.end_date ?? (q.start_date ? new Date(q.start_date.getTime() + MAX_WINDOW_DAYS * DAY_MS) : now);
  const from = q.start_date ?? new Date(to.getTime() - MAX_WINDOW_DAYS * DAY_MS);
  if (to < from) throw new DomainError('validation_failed', 'end_date is before start_date');
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    throw new DomainError(
      'validation_failed',
      `start_date to end_date may span at most ${MAX_WINDOW_DAYS} days`,
    );
  }
  return { from, to };
}

async function present(db: Conn, rows: Awaited<ReturnType<typeof listPublicRequests>>) {
  const categoryIds = [...new Set(rows.flatMap((r) => (r.category_id === null ? [] : [r.category_id])))];
  const unitIds = [...new Set(rows.flatMap((r) => (r.lead_unit_id === null ? [] : [r.lead_unit_id])))];
  const [categories, units] = await Promise.all([
    findCategoriesByIds(db, categoryIds),
    Promise.all(unitIds.map((id) => findUnitById(db, id))),
  ]);
  const categoryMap = new Map(categories.map((c) => [c.id, c]));
  const unitNames = new Map(units.flatMap((u) => (u ? [[u.id, u.name] as const] : [])));
  return rows.map((r) => presentRequest(r, categoryMap, unitNames));
}

/** The public request list for a validated query; newest first, paged, at most 1,000. */
export async function listRequests(db: Conn, q: RequestsQuery, now: Date): Promise<GeoReportRequest[]> {
  const limit = q.page_size ?? MAX_RECORDS;
  const offset = ((q.page ?? 1) - 1) * limit;
  if (q.service_request_id) {
    return present(db, await listPublicRequests(db, { numbers: q.service_request_id, limit, offset }));
  }
  const { from, to } = requestWindow(q, now);
  let categoryIds: number[] | undefined;
  if (q.service_code) {
    const paths = await Promise.all(q.service_code.map((code) => categoryPath(db, code)));
    categoryIds = paths.flatMap((p) => (p.length > 0 ? [p[p.length - 1]!.id] : []));
    if (categoryIds.length === 0) return [];
  }
  // Both statuses asked for is the same as no status filter.
  const statuses = new Set(q.status ?? []);
  const status = statuses.size === 1 ? [...statuses][0] : undefined;
  const rows = await listPublicRequests(db, { categoryIds, status, from, to, limit, offset });
  return present(db, rows);
}

/** One request by case number as a one-record list; 404 when unknown or not public. */
export async function findRequest(db: Conn, number: string): Promise<GeoReportRequest[]> {
  const rows = await listPublicRequests(db, { numbers: [number], limit: 1, offset: 0 });
  if (rows.length === 0) throw new DomainError('not_found', `no service request ${number}`);
  return present(db, rows);
}
