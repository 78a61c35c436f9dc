import { randomBytes } from 'node:crypto';
import { appendAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { createServiceUser } from '../users/index.js';
import { presentChannel } from './channels.presenter.js';
import * as repo from './channels.repository.js';
import type { CreateChannelInput, UpdateChannelInput } from './channels.schema.js';

/** 32 random bytes, base64url: the HMAC key a channel signs with. */
function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

async function audit(
  ctx: AppContext,
  db: Conn,
  actor: Actor,
  action: string,
  id: number,
  change: { before?: unknown; after?: unknown },
) {
  // Secrets never enter the audit log: it is readable by auditors and kept for ever.
  await appendAudit(db, ctx.config.AUDIT_SECRET, {
    actorUserId: actor.id,
    action,
    entity: 'inbound_channel',
    entityId: String(id),
    ...change,
  });
}

/** Registers a channel with its own service user and a fresh secret (returned once, here). */
export async function createChannel(ctx: AppContext, db: Conn, actor: Actor, input: CreateChannelInput) {
  if (await repo.codeTaken(db, input.code)) {
    throw new DomainError('duplicate', `a channel with code ${input.code} exists`);
  }
  const userId = await createServiceUser(ctx, db, { prefix: 'channel', displayName: `渠道 ${input.name}` });
  const secret = newSecret();
  const row = await repo.insertChannel(db, {
    code: input.code,
    name: input.name,
    kind: input.kind,
    secret,
    fieldMapping: input.fieldMapping,
    callbackUrl: input.callbackUrl ?? null,
    userId,
  });
  const after = presentChannel(row);
  await audit(ctx, db, actor, 'inbound_channel_created', row.id, { after });
  return { ...after, secret };
}

export async function listChannels(db: Conn) {
  return (await repo.listChannels(db)).map(presentChannel);
}

/** The channel locked for a change; a revoked channel is closed for good (409). */
async function lockLive(db: Conn, id: number) {
  const row = await repo.lockChannel(db, id);
  if (!row) throw new DomainError('not_found', `no channel ${id}`);
  if (row.revoked_at) throw new DomainError('invalid_transition', `channel ${row.code} is revoked`);
  return row;
}

/** Changes name, mapping, callback URL or the active flag (pausing without revoking). */
export async function updateChannel(
  ctx: AppContext,
  db: Conn,
  actor: Actor,
  id: number,
  input: UpdateChannelInput,
) {
  const before = await lockLive(db, id);
  const row = await repo.updateChannel(db, id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.fieldMapping !== undefined ? { field_mapping: JSON.stringify(input.fieldMapping) } : {}),
    ...(input.callbackUrl !== undefined ? { callback_url: input.callbackUrl } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  });
  const after = presentChannel(row);
  await audit(ctx, db, actor, 'inbound_channel_updated', id, { before: presentChannel(before), after });
  return after;
}

/** Replaces the secret at once: deliveries signed with the old one are refused from now on. */
export async function rotateSecret(ctx: AppContext, db: Conn, actor: Actor, id: number) {
  await lockLive(db, id);
  const secret = newSecret();
  const row = await repo.updateChannel(db, id, { secret });
  await audit(ctx, db, actor, 'inbound_channel_secret_rotated', id, {});
  return { ...presentChannel(row), secret };
}

/** Revokes a channel for good: its deliveries answer 404 and it can no longer be changed. */
export async function revokeChannel(ctx: AppContext, db: Conn, actor: Actor, id: number) {
  const before = await repo.lockChannel(db, id);
  if (!before) throw new DomainError('not_found', `no channel ${id}`);
  const row = await repo.updateChannel(db, id, {
    active: false,
    revoked_at: before.revoked_at ?? new Date(),
  });
  await audit(ctx, db, actor, 'inbound_channel_revoked', id, {
    before: { active: before.active },
    after: { active: false },
  });
  return presentChannel(row);
}
