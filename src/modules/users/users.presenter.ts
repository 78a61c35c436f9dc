import type { UserWithUnit } from './users.repository.js';
import type { UserOut } from './users.schema.js';

/** User row → API object; the password hash is deliberately left behind. */
export function presentUser(row: UserWithUnit): UserOut {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unit:
      row.org_unit_id === null
        ? null
        : {
            id: row.org_unit_id,
            code: row.unit_code ?? '',
            name: row.unit_name ?? '',
            shortName: row.unit_short_name,
            kind: row.unit_kind ?? '',
            path: row.unit_path ?? '',
          },
    phone: row.phone,
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
