import { appendAudit } from '../../platform/audit.js';
import { createSession, deleteSession, type Actor } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { hashPassword, verifyPassword } from '../../platform/password.js';
import { findUserById, findUserByUsername, type UserWithUnit } from '../users/users.repository.js';
import { presentUser } from '../users/users.presenter.js';
import type { SessionUser } from './auth.schema.js';

// A hash of a random password at the configured cost: unknown usernames are verified against
// it so that they take as long as wrong passwords and do not reveal which accounts exist.
const dummyHashes = new Map<number, Promise<string>>();
function dummyHash(cost: number): Promise<string> {
  let hash = dummyHashes.get(cost);
  if (!hash) {
    hash = hashPassword(crypto.randomUUID(), cost);
    dummyHashes.set(cost, hash);
  }
  return hash;
}

function sessionUser(row: UserWithUnit): SessionUser {
  const { id, username, displayName, role, unit } = presentUser(row);
  return { id, username, displayName, role, unit };
}

/** Checks credentials and opens a session; every failure is the same `invalid_credentials`. */
export async function login(
  ctx: AppContext,
  username: string,
  password: string,
): Promise<{ token: string; expiresAt: Date; user: SessionUser }> {
  const user = await findUserByUsername(ctx.db, username);
  const stored = user?.password_hash ?? (await dummyHash(2 ** ctx.config.SCRYPT_COST_LOG2));
  const ok = await verifyPassword(password, stored);
  if (!user || !user.active || !ok)
    throw new DomainError('invalid_credentials', 'wrong username or password');
  const session = await ctx.db.transaction().execute(async (tx) => {
    const created = await createSession(tx, user.id, ctx.config.SESSION_TTL_HOURS);
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: user.id,
      action: 'auth.login',
      entity: 'user',
      entityId: String(user.id),
      after: { expiresAt: created.expiresAt },
    });
    return created;
  });
  return { ...session, user: sessionUser(user) };
}

/** Ends the session of this token. */
export async function logout(ctx: AppContext, actor: Actor, token: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    await deleteSession(tx, token);
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: 'auth.logout',
      entity: 'user',
      entityId: String(actor.id),
    });
  });
}

/** The logged-in user with their unit. */
export async function me(ctx: AppContext, actor: Actor): Promise<SessionUser> {
  const user = await findUserById(ctx.db, actor.id);
  if (!user) throw new DomainError('unauthenticated', 'log in first');
  return sessionUser(user);
}
