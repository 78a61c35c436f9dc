import type { ChannelRow } from './channels.repository.js';

/** jsonb arrives parsed from both drivers; a string is parsed for safety. */
export function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

/** A channel for the admin API; the secret is never part of it. */
export function presentChannel(r: ChannelRow) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    fieldMapping: parseJson(r.field_mapping),
    callbackUrl: r.callback_url,
    userId: r.user_id,
    active: r.active,
    createdAt: r.created_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
    inboundPath: `/api/inbound/${r.code}`,
  };
}
