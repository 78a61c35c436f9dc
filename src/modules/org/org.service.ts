import { appendAudit } from '../../platform/audit.js';
import { inScope, type Actor } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import type { OrgKind, OrgUnit } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { presentUnit } from './org.presenter.js';
import * as repo from './org.repository.js';
import type { CreateUnitInput, UnitListQuery, UpdateUnitInput } from './org.schema.js';

/** Which kinds of unit may hang under which: the tree's shape. */
const parentKinds: Record<OrgKind, readonly OrgKind[]> = {
  city: [],
  district: ['city'],
  street: ['district'],
  community: ['street'],
  grid: ['community'],
  department: ['city', 'district'],
};

/** The unit, or `unit_not_found`. */
export async function getUnit(db: Conn, id: number): Promise<OrgUnit> {
  const unit = await repo.findUnitById(db, id);
  if (!unit) throw new DomainError('unit_not_found', `no org unit ${id}`);
  return unit;
}

/** The unit and every unit above it, root first (e.g. 北京市 → 大兴区 → 西红门地区 → 星光社区居委会). */
export async function resolveUnitPath(db: Conn, id: number): Promise<OrgUnit[]> {
  const unit = await getUnit(db, id);
  return repo.findUnitsOnPath(db, unit.path);
}

/** True when `unit` is `ancestor` or lies below it. */
export function isInSubtree(unit: Pick<OrgUnit, 'path'>, ancestor: Pick<OrgUnit, 'path'>): boolean {
  return unit.path.startsWith(ancestor.path);
}

/** True when the unit lies in the district with this division code (or is the district). */
export async function isInDistrict(db: Conn, unitId: number, districtCode: string): Promise<boolean> {
  const district = await repo.findAncestorOfKind(db, unitId, 'district');
  return district?.code === districtCode;
}

/** Units by parent, kind and text; with none of them, the roots. */
export async function listUnits(db: Conn, q: UnitListQuery): Promise<{ rows: OrgUnit[]; total: number }> {
  const noFilter = q.parentId === undefined && !q.kind && !q.q;
  if (noFilter) {
    const roots = await repo.listRoots(db);
    return { rows: roots.slice(q.offset, q.offset + q.limit), total: roots.length };
  }
  return repo.searchUnits(db, q);
}

/** Adds a street, community, grid or department under a parent in the administrator's subtree. */
export async function createUnit(ctx: AppContext, actor: Actor, input: CreateUnitInput): Promise<OrgUnit> {
  return ctx.db.transaction().execute(async (tx) => {
    const parent = await repo.findUnitById(tx, input.parentId);
    if (!parent) throw new DomainError('unknown_unit', `no parent unit ${input.parentId}`);
    if (!inScope(actor, parent.path)) {
      throw new DomainError('forbidden', 'the parent unit is outside your part of the tree');
    }
    if (!parentKinds[input.kind].includes(parent.kind)) {
      throw new DomainError('invalid_parent', `a ${input.kind} cannot hang under a ${parent.kind}`, {
        allowed: parentKinds[input.kind],
      });
    }
    if (await repo.findUnitByCode(tx, input.code)) {
      throw new DomainError('duplicate', `unit code ${input.code} is taken`);
    }
    const unit = await repo.insertUnit(tx, {
      code: input.code,
      name: input.name,
      short_name: input.shortName ?? null,
      kind: input.kind,
      parent_id: parent.id,
      path: `${parent.path}${input.code}/`,
      depth: parent.depth + 1,
      division_code: null,
    });
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: 'org.create_unit',
      entity: 'org_unit',
      entityId: String(unit.id),
      after: presentUnit(unit),
    });
    return unit;
  });
}

/** Renames or (de)activates a unit in the administrator's subtree. */
export async function updateUnit(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: UpdateUnitInput,
): Promise<OrgUnit> {
  return ctx.db.transaction().execute(async (tx) => {
    const before = await repo.lockUnit(tx, id);
    if (!before) throw new DomainError('unit_not_found', `no org unit ${id}`);
    if (!inScope(actor, before.path))
      throw new DomainError('forbidden', 'this unit is outside your part of the tree');
    const after = await repo.updateUnit(tx, id, {
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.shortName === undefined ? {} : { short_name: input.shortName }),
      ...(input.active === undefined ? {} : { active: input.active }),
    });
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: 'org.update_unit',
      entity: 'org_unit',
      entityId: String(id),
      before: presentUnit(before),
      after: presentUnit(after),
    });
    return after;
  });
}
