import type { Conn } from '../../platform/db/index.js';

/** Statuses after which the problem counts as dealt with: GeoReport `closed`. */
export const closedStatuses = ['resolved', 'verified', 'evaluated', 'closed'] as const;
/** Cases that never surface publicly: folded into another case, or refused at intake. */
export const hiddenStatuses = ['merged', 'invalid'] as const;

/** What the public request list may be narrowed by; every field already validated. */
export interface PublicRequestFilter {
  /** Case numbers; when given, every other field but the paging is ignored. */
  numbers?: readonly string[];
  categoryIds?: readonly number[];
  status?: 'open' | 'closed';
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/**
 * Cases as the public may see them, newest first: only the columns a GeoReport record needs
 * (no reporter data lives on cases), merged and invalid cases left out.
 */
export async function listPublicRequests(db: Conn, f: PublicRequestFilter) {
  let query = db
    .selectFrom('cases')
    .select([
      'id',
      'number',
      'status',
      'description',
      'category_id',
      'lead_unit_id',
      'address',
      'lat',
      'lon',
      'result_text',
      'received_at',
      'updated_at',
      'resolve_due_at',
    ])
    .where('status', 'not in', [...hiddenStatuses]);
  if (f.numbers) {
    query = query.where('number', 'in', [...f.numbers]);
  } else {
    if (f.categoryIds) query = query.where('category_id', 'in', [...f.categoryIds]);
    if (f.status === 'closed') query = query.where('status', 'in', [...closedStatuses]);
    if (f.status === 'open') query = query.where('status', 'not in', [...closedStatuses]);
    if (f.from) query = query.where('received_at', '>=', f.from);
    if (f.to) query = query.where('received_at', '<=', f.to);
  }
  return query.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
}
export type PublicRequestRow = Awaited<ReturnType<typeof listPublicRequests>>[number];
