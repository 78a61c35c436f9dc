import type { Updateable } from 'kysely';
import { actorQuery } from '../../platform/auth.js';
import type { Conn } from '../../platform/db/index.js';
import type { InboundChannelsTable } from '../../platform/db/schema.js';

const listed = [
  'id',
  'code',
  'name',
  'kind',
  'field_mapping',
  'callback_url',
  'user_id',
  'active',
  'created_at',
  'revoked_at',
] as const;

/** A channel as an admin sees it: every column but the secret. */
export type ChannelRow = NonNullable<Awaited<ReturnType<typeof findChannelById>>>;

export async function insertChannel(
  db: Conn,
  c: {
    code: string;
    name: string;
    kind: string;
    secret: string;
    fieldMapping: unknown;
    callbackUrl: string | null;
    userId: number;
  },
) {
  return db
    .insertInto('inbound_channels')
    .values({
      code: c.code,
      name: c.name,
      kind: c.kind,
      secret: c.secret,
      field_mapping: JSON.stringify(c.fieldMapping),
      callback_url: c.callbackUrl,
      user_id: c.userId,
    })
    .returning(listed)
    .executeTakeFirstOrThrow();
}

export async function codeTaken(db: Conn, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('inbound_channels')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every channel, newest first; never a secret. */
export async function listChannels(db: Conn) {
  return db.selectFrom('inbound_channels').select(listed).orderBy('id', 'desc').execute();
}

export async function findChannelById(db: Conn, id: number) {
  return db.selectFrom('inbound_channels').select(listed).where('id', '=', id).executeTakeFirst();
}

/** The row locked for an admin change. */
export async function lockChannel(db: Conn, id: number) {
  return db.selectFrom('inbound_channels').select(listed).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateChannel(db: Conn, id: number, set: Updateable<InboundChannelsTable>) {
  return db
    .updateTable('inbound_channels')
    .set(set)
    .where('id', '=', id)
    .returning(listed)
    .executeTakeFirstOrThrow();
}

/**
 * What a delivery needs, in one query: the secret to check it, the mapping, the kind, and the
 * service user's actor row.
 */
export async function findChannelForDelivery(db: Conn, code: string) {
  return actorQuery(db)
    .innerJoin('inbound_channels as ch', 'ch.user_id', 'u.id')
    .select([
      'ch.id as channel_id',
      'ch.code as channel_code',
      'ch.kind as channel_kind',
      'ch.secret as channel_secret',
      'ch.field_mapping as channel_mapping',
      'ch.active as channel_active',
    ])
    .where('ch.code', '=', code)
    .executeTakeFirst();
}
