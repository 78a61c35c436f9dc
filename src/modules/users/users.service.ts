import { appendAudit } from '../../platform/audit.js';
import { forgetUserSessions, inScope, type Actor } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import type { Role } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { hashPassword } from '../../platform/password.js';
import { findUnitById } from '../org/org.repository.js';
import { presentUser } from './users.presenter.js';
import * as repo from './users.repository.js';
import type { CreateUserInput, UpdateUserInput, UserListQuery } from './users.schema.js';

/** The password hash at the configured scrypt cost. */
export function hashForConfig(ctx: AppContext, password: string): Promise<string> {
  return hashPassword(password, 2 ** ctx.config.SCRYPT_COST_LOG2);
}

/** Citizens (no unit) are the deployment's own: only administrators of the city or district see them. */
function seesCitizens(actor: Actor): boolean {
  return actor.unitKind === 'city' || actor.unitKind === 'district';
}

/** Checks a role/unit pair: citizens have no unit, everyone else one inside the administrator's subtree. */
async function checkPlacement(db: Conn, actor: Actor, role: Role, unitId: number | null): Promise<void> {
  if (role === 'citizen') {
    if (unitId !== null) throw new DomainError('validation_failed', 'a citizen belongs to no unit');
    if (!seesCitizens(actor))
      throw new DomainError('forbidden', 'only district administrators manage citizens');
    return;
  }
  if (unitId === null) throw new DomainError('validation_failed', `a ${role} needs a unit`);
  const unit = await findUnitById(db, unitId);
  if (!unit) throw new DomainError('unknown_unit', `no org unit ${unitId}`);
  if (!inScope(actor, unit.path))
    throw new DomainError('forbidden', 'the unit is outside your part of the tree');
}

/** A user the administrator may see, or 404 (`unknown_user`) — out-of-scope users are not revealed. */
async function getVisibleUser(db: Conn, actor: Actor, id: number): Promise<repo.UserWithUnit> {
  const user = await repo.findUserById(db, id);
  const visible = user && (user.unit_path === null ? seesCitizens(actor) : inScope(actor, user.unit_path));
  if (!user || !visible) throw new DomainError('unknown_user', `no user ${id}`);
  return user;
}

/** Users in the administrator's subtree (optionally below one of its units). */
export async function listUsersFor(
  db: Conn,
  actor: Actor,
  q: UserListQuery,
): Promise<{ rows: repo.UserWithUnit[]; total: number }> {
  if (!actor.unitPath) return { rows: [], total: 0 };
  let underPath = actor.unitPath;
  if (q.unitId !== undefined) {
    const unit = await findUnitById(db, q.unitId);
    if (!unit || !inScope(actor, unit.path))
      throw new DomainError('unknown_unit', `no org unit ${q.unitId} in your scope`);
    underPath = unit.path;
  }
  return repo.listUsers(db, {
    underPath,
    withoutUnit: q.unitId === undefined && seesCitizens(actor),
    role: q.role,
    q: q.q,
    active: q.active,
    limit: q.limit,
    offset: q.offset,
  });
}

/** One user in the administrator's scope. */
export async function getUserFor(db: Conn, actor: Actor, id: number): Promise<repo.UserWithUnit> {
  return getVisibleUser(db, actor, id);
}

/** Creates an account; the password is hashed before the transaction opens (scrypt is slow). */
export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: CreateUserInput,
): Promise<repo.UserWithUnit> {
  const passwordHash = await hashForConfig(ctx, input.password);
  return ctx.db.transaction().execute(async (tx) => {
    await checkPlacement(tx, actor, input.role, input.unitId ?? null);
    if (await repo.findUserByUsername(tx, input.username)) {
      throw new DomainError('duplicate', `username ${input.username} is taken`);
    }
    const id = await repo.insertUser(tx, {
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      role: input.role,
      org_unit_id: input.unitId ?? null,
      phone: input.phone ?? null,
    });
    const user = (await repo.findUserById(tx, id))!;
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: 'users.create',
      entity: 'user',
      entityId: String(id),
      after: presentUser(user),
    });
    return user;
  });
}

/** Changes an account; deactivating it or setting a new password ends its sessions. */
export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: UpdateUserInput,
): Promise<repo.UserWithUnit> {
  if (id === actor.id && (input.active === false || (input.role !== undefined && input.role !== 'admin'))) {
    throw new DomainError('forbidden', 'you cannot deactivate or demote yourself');
  }
  const passwordHash = input.password === undefined ? undefined : await hashForConfig(ctx, input.password);
  return ctx.db.transaction().execute(async (tx) => {
    const before = await getVisibleUser(tx, actor, id);
    const role = input.role ?? before.role;
    const unitId = input.unitId === undefined ? before.org_unit_id : input.unitId;
    if (input.role !== undefined || input.unitId !== undefined) await checkPlacement(tx, actor, role, unitId);
    await repo.updateUser(tx, id, {
      ...(input.displayName === undefined ? {} : { display_name: input.displayName }),
      ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
      ...(input.role === undefined ? {} : { role }),
      ...(input.unitId === undefined ? {} : { org_unit_id: unitId }),
      ...(input.phone === undefined ? {} : { phone: input.phone }),
      ...(input.active === undefined ? {} : { active: input.active }),
    });
    if (input.active === false || passwordHash !== undefined) await repo.deleteSessionsOfUser(tx, id);
    forgetUserSessions(id);
    const after = (await repo.findUserById(tx, id))!;
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: input.active === false ? 'users.deactivate' : 'users.update',
      entity: 'user',
      entityId: String(id),
      before: presentUser(before),
      after: { ...presentUser(after), ...(passwordHash === undefined ? {} : { passwordChanged: true }) },
    });
    return after;
  });
}
