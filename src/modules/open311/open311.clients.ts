import { randomBytes } from 'node:crypto';
import { appendAudit } from '../../platform/audit.js';
import { actorQuery, hashToken, toActor, type Actor } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { createServiceUser } from '../users/index.js';

export interface IssuedClient {
  id: number;
  name: string;
  jurisdictionId: string;
  userId: number;
  createdAt: Date;
  /** Shown once; only its hash is kept. */
  apiKey: string;
}

/** Issues a client with a random key (or `key`, for the demo seed); audited by `actor` when given. */
export async function createOpen311Client(
  ctx: AppContext,
  db: Conn,
  actor: Actor | null,
  name: string,
  key: string = randomBytes(32).toString('base64url'),
): Promise<IssuedClient> {
  const userId = await createServiceUser(ctx, db, { prefix: 'open311', displayName: `Open311 ${name}` });
  const row = await db
    .insertInto('open311_clients')
    .values({ name, key_hash: hashToken(key), jurisdiction_id: ctx.config.DISTRICT_CODE, user_id: userId })
    .returning(['id', 'name', 'jurisdiction_id', 'user_id', 'created_at'])
    .executeTakeFirstOrThrow();
  await appendAudit(db, ctx.config.AUDIT_SECRET, {
    actorUserId: actor?.id ?? null,
    action: 'open311_client_created',
    entity: 'open311_client',
    entityId: String(row.id),
    after: { name, jurisdictionId: row.jurisdiction_id, userId },
  });
  return {
    id: row.id,
    name: row.name,
    jurisdictionId: row.jurisdiction_id,
    userId: row.user_id,
    createdAt: row.created_at,
    apiKey: key,
  };
}

/** Every client, newest first; never a key. */
export async function listOpen311Clients(db: Conn) {
  const rows = await db
    .selectFrom('open311_clients')
    .select(['id', 'name', 'jurisdiction_id', 'user_id', 'active', 'created_at', 'revoked_at'])
    .orderBy('id', 'desc')
    .execute();
  return rows.map(presentClient);
}

function presentClient(r: {
  id: number;
  name: string;
  jurisdiction_id: string;
  user_id: number;
  active: boolean;
  created_at: Date;
  revoked_at: Date | null;
}) {
  return {
    id: r.id,
    name: r.name,
    jurisdictionId: r.jurisdiction_id,
    userId: r.user_id,
    active: r.active,
    createdAt: r.created_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}

/** Revokes a client for good; its key is refused from then on. */
export async function revokeOpen311Client(ctx: AppContext, db: Conn, actor: Actor, id: number) {
  const before = await db
    .selectFrom('open311_clients')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw new DomainError('not_found', `no Open311 client ${id}`);
  const after = await db
    .updateTable('open311_clients')
    .set({ active: false, revoked_at: before.revoked_at ?? new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  keyCache.clear();
  await appendAudit(db, ctx.config.AUDIT_SECRET, {
    actorUserId: actor.id,
    action: 'open311_client_revoked',
    entity: 'open311_client',
    entityId: String(id),
    before: { active: before.active },
    after: { active: false },
  });
  return presentClient(after);
}

/**
 * Resolved keys are kept a few seconds, as sessions are (platform/auth.ts), so a client posting
 * steadily does not cost a key query per request (bench:open311). A revocation on this node
 * clears the cache; other nodes refuse the key within KEY_CACHE_MS.
 */
const KEY_CACHE_MS = 5_000;
const keyCache = new Map<string, { actor: Actor; until: number }>();

/** The actor an API key files as; 403 when the key is missing, unknown or revoked. */
export async function actorForApiKey(db: Conn, key: string | undefined): Promise<Actor> {
  if (!key) throw new DomainError('forbidden', "No api_key received -- can't proceed with create_request.");
  const hash = hashToken(key);
  const cached = keyCache.get(hash);
  if (cached && cached.until > Date.now()) return cached.actor;
  const row = await actorQuery(db)
    .innerJoin('open311_clients as c', 'c.user_id', 'u.id')
    .select('c.active as client_active')
    .where('c.key_hash', '=', hash)
    .executeTakeFirst();
  const actor = row?.client_active ? toActor(row) : null;
  if (!actor) {
    keyCache.delete(hash);
    throw new DomainError('forbidden', "Invalid api_key received -- can't proceed with create_request.");
  }
  if (keyCache.size >= 1000) keyCache.clear();
  keyCache.set(hash, { actor, until: Date.now() + KEY_CACHE_MS });
  return actor;
}
