import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import type { PlaceAlias } from './geo.gazetteer.js';
import { normalizeName } from './geo.normalize.js';

/**
 * Place aliases (landmarks such as 鸿坤广场 → 西红门地区): the admin-maintained names the
 * division gazetteer cannot know. Every change is audited and rebuilds this process's index.
 */
export interface AliasRow {
  id: number;
  alias: string;
  unitId: number;
  unitCode: string;
  unitName: string;
  note: string | null;
  createdAt: Date;
}

function aliasQuery(db: Conn) {
  return db
    .selectFrom('place_aliases as a')
    .innerJoin('org_units as u', 'u.id', 'a.unit_id')
    .select([
      'a.id',
      'a.alias',
      'a.unit_id as unitId',
      'u.code as unitCode',
      'u.name as unitName',
      'a.note',
      'a.created_at as createdAt',
    ]);
}

export async function listAliases(db: Conn): Promise<AliasRow[]> {
  return aliasQuery(db).orderBy('a.alias').execute();
}

/** The aliases of active units of a district, for the gazetteer. */
export async function districtAliases(db: Conn, districtCode: string): Promise<PlaceAlias[]> {
  return db
    .selectFrom('place_aliases as a')
    .innerJoin('org_units as u', 'u.id', 'a.unit_id')
    .select(['a.alias', 'a.unit_id as unitId'])
    .where('u.active', '=', true)
    .where('u.path', 'like', sql<string>`'%' || ${districtCode} || '/%'`)
    .execute();
}

/** Adds an alias for a street or community of the district; the same text twice is a `duplicate`. */
export async function createAlias(
  ctx: AppContext,
  actor: Actor,
  input: { alias: string; unitCode: string; note?: string | undefined },
): Promise<AliasRow> {
  const alias = input.alias.trim();
  if (normalizeName(alias).length < 2) {
    throw new DomainError('validation_failed', 'an alias needs at least two characters besides punctuation');
  }
  return ctx.db.transaction().execute(async (tx) => {
    const unit = await tx
      .selectFrom('org_units')
      .select(['id', 'code', 'kind', 'path', 'active'])
      .where('code', '=', input.unitCode)
      .executeTakeFirst();
    const inDistrict = unit?.path.includes(`${ctx.config.DISTRICT_CODE}/`) ?? false;
    if (!unit || !unit.active || !inDistrict || (unit.kind !== 'street' && unit.kind !== 'community')) {
      throw new DomainError('unknown_unit', `no street or community ${input.unitCode} in this district`);
    }
    const inserted = await tx
      .insertInto('place_aliases')
      .values({ alias, unit_id: unit.id, note: input.note ?? null, created_by: actor.id })
      .onConflict((oc) => oc.column('alias').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new DomainError('duplicate', `alias ${alias} exists`);
    const row = await aliasQuery(tx).where('a.id', '=', inserted.id).executeTakeFirstOrThrow();
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: 'geo.alias_create',
      entity: 'place_alias',
      entityId: String(row.id),
      after: { alias: row.alias, unitCode: row.unitCode, note: row.note },
    });
    return row;
  });
}

export async function deleteAlias(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await aliasQuery(tx).where('a.id', '=', id).executeTakeFirst();
    if (!row) throw new DomainError('not_found', `no alias ${id}`);
    await tx.deleteFrom('place_aliases').where('id', '=', id).execute();
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: 'geo.alias_delete',
      entity: 'place_alias',
      entityId: String(id),
      before: { alias: row.alias, unitCode: row.unitCode, note: row.note },
    });
  });
}
