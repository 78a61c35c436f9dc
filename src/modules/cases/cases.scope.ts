import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import { centreRoles, type Actor } from '../../platform/auth.js';
import type { Conn } from '../../platform/db/index.js';
import type { CaseRow, Database } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';

/**
 * Data scope by the org tree. Centre roles (agent, dispatcher, supervisor, leader, admin) see
 * the whole district their unit belongs to; handlers and grid workers see cases assigned to a
 * unit in their own subtree (a street sees its communities' cases, a department only its own);
 * a citizen sees the cases of their own reports. Out-of-scope cases answer 404, never 403,
 * so their existence does not leak.
 */
export interface Scope {
  kind: 'district' | 'units' | 'reporter';
  path: string;
  userId: number;
}

const rootCache = new Map<number, string>();

/** The scope of an actor; centre roles are widened from their unit to its district. */
export async function scopeOf(db: Conn, actor: Actor): Promise<Scope> {
  if (actor.role === 'citizen') return { kind: 'reporter', path: '', userId: actor.id };
  if (!actor.unitId || !actor.unitPath) throw new DomainError('forbidden', 'user has no unit');
  if (!centreRoles.includes(actor.role)) return { kind: 'units', path: actor.unitPath, userId: actor.id };
  let root = rootCache.get(actor.unitId);
  if (!root) {
    const row = await db
      .selectFrom('org_units')
      .select('path')
      .where('kind', 'in', ['district', 'city'])
      .where(sql<SqlBool>`${actor.unitPath} like path || '%'`)
      .orderBy('depth', 'desc')
      .executeTakeFirst();
    root = row?.path ?? actor.unitPath;
    rootCache.set(actor.unitId, root);
  }
  return { kind: 'district', path: root, userId: actor.id };
}

/** A WHERE condition on `cases as c` that keeps only the cases in scope. */
export function scopeFilter(scope: Scope) {
  return (eb: ExpressionBuilder<Database & { c: Database['cases'] }, 'c'>): Expression<SqlBool> => {
    const prefix = `${scope.path}%`;
    switch (scope.kind) {
      case 'district':
        return eb.or([
          eb('c.area_path', 'like', prefix),
          eb('c.lead_unit_path', 'like', prefix),
          eb.and([eb('c.area_path', 'is', null), eb('c.lead_unit_path', 'is', null)]),
        ]);
      case 'units':
        return eb.or([
          eb('c.lead_unit_path', 'like', prefix),
          eb('c.created_by', '=', scope.userId),
          eb.exists(
            eb
              .selectFrom('case_assignments as a')
              .innerJoin('org_units as u', 'u.id', 'a.unit_id')
              .select(sql`1`.as('one'))
              .whereRef('a.case_id', '=', 'c.id')
              .where('a.status', '!=', 'withdrawn')
              .where('u.path', 'like', prefix),
          ),
        ]);
      case 'reporter':
        return eb.exists(
          eb
            .selectFrom('reports as r')
            .select(sql`1`.as('one'))
            .whereRef('r.case_id', '=', 'c.id')
            .where('r.reporter_user_id', '=', scope.userId),
        );
    }
  };
}

/** Throws case_not_found unless the case is in the actor's scope. */
export async function assertInScope(db: Conn, actor: Actor, row: CaseRow): Promise<Scope> {
  const scope = await scopeOf(db, actor);
  const visible = await db
    .selectFrom('cases as c')
    .select('c.id')
    .where('c.id', '=', row.id)
    .where(scopeFilter(scope))
    .executeTakeFirst();
  if (!visible) throw new DomainError('case_not_found', `no case ${row.number}`);
  return scope;
}
