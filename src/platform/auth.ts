import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Conn } from './db/index.js';
import type { Role } from './db/schema.js';
import { DomainError } from './errors.js';

/** Every role, in the order the console lists them. */
export const roles = [
  'citizen',
  'agent',
  'dispatcher',
  'handler',
  'grid_worker',
  'supervisor',
  'leader',
  'admin',
] as const satisfies readonly Role[];

/** Everyone who works in the centre or a unit: every role but citizens. */
export const staffRoles: readonly Role[] = roles.filter((r) => r !== 'citizen');

/** The authenticated user of a request, with the org subtree its data scope covers. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  /** Materialised path of the user's unit (codes joined by '/', with a trailing '/');
   *  the scope is every unit whose path starts with it. */
  unitPath: string | null;
  unitKind: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

/** Roles that may read and act across the whole tree below their unit. */
export const centreRoles: readonly Role[] = ['agent', 'dispatcher', 'supervisor', 'leader', 'admin'];

/** Roles that may see reporters' names, phones and ID numbers unmasked. */
const piiRoles: readonly Role[] = ['agent', 'dispatcher', 'supervisor', 'admin', 'handler'];

export function canSeePii(actor: Actor): boolean {
  return piiRoles.includes(actor.role);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a session and returns its bearer token (only the hash is stored). */
export async function createSession(
  db: Conn,
  userId: number,
  ttlHours: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

export async function deleteSession(db: Conn, token: string): Promise<void> {
  const hash = hashToken(token);
  sessionCache.delete(hash);
  await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
}

/**
 * Resolved sessions are kept in this process for a few seconds so a busy client does not cost a
 * session query per request. Logout and user changes on this node take effect at once; on other
 * nodes within SESSION_CACHE_MS.
 */
const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;
const sessionCache = new Map<string, { actor: Actor; until: number }>();

/** Drops a user's cached sessions (after deactivation, a role or password change). */
export function forgetUserSessions(userId: number): void {
  for (const [hash, entry] of sessionCache) if (entry.actor.id === userId) sessionCache.delete(hash);
}

/** Resolves a bearer token to its actor, or null when absent, unknown or expired. */
export async function actorForToken(db: Conn, token: string): Promise<Actor | null> {
  const hash = hashToken(token);
  const cached = sessionCache.get(hash);
  if (cached && cached.until > Date.now()) return cached.actor;
  const actor = await loadActor(db, hash);
  if (actor) {
    if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.clear();
    sessionCache.set(hash, { actor, until: Date.now() + SESSION_CACHE_MS });
  } else {
    sessionCache.delete(hash);
  }
  return actor;
}

/** Users joined with their unit: the rows an Actor is made of. Callers add their own conditions. */
export function actorQuery(db: Conn) {
  return db
    .selectFrom('users as u')
    .leftJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.org_unit_id',
      'o.path',
      'o.kind',
      'u.active',
    ]);
}

/** The Actor of an actorQuery row, or null when the user is deactivated. */
export function toActor(
  row:
    | {
        id: number;
        username: string;
        display_name: string;
        role: Role;
        org_unit_id: number | null;
        path: string | null;
        kind: string | null;
        active: boolean;
      }
    | undefined,
): Actor | null {
  if (!row || !row.active) return null;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unitId: row.org_unit_id,
    unitPath: row.path,
    unitKind: row.kind,
  };
}

async function loadActor(db: Conn, tokenHash: string): Promise<Actor | null> {
  const row = await actorQuery(db)
    .innerJoin('sessions as s', 's.user_id', 'u.id')
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', new Date())
    .executeTakeFirst();
  return toActor(row);
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice(7).trim() || null;
}

/** The request's actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('unauthenticated', 'log in first');
  return request.actor;
}

/** The request's actor if it has one of the roles, else 403. */
export function requireRole(request: FastifyRequest, roles: readonly Role[]): Actor {
  const actor = requireActor(request);
  if (!roles.includes(actor.role)) {
    throw new DomainError('forbidden', `role ${actor.role} may not do this`, { allowed: roles });
  }
  return actor;
}

/** True when `path` lies in the subtree rooted at the actor's unit. */
export function inScope(actor: Actor, path: string | null | undefined): boolean {
  if (!actor.unitPath || !path) return false;
  return path.startsWith(actor.unitPath);
}
