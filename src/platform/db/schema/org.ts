/** Row types of the organisation: units, users and their sessions, place names and boundaries. */
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, DefaultTimestamp } from './columns.js';

export type OrgKind = 'city' | 'district' | 'street' | 'community' | 'grid' | 'department';

export type Role =
  'citizen' | 'agent' | 'dispatcher' | 'handler' | 'grid_worker' | 'supervisor' | 'leader' | 'admin';

export interface OrgUnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string | null;
  kind: OrgKind;
  parent_id: number | null;
  path: string;
  depth: number;
  division_code: string | null;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  org_unit_id: number | null;
  phone: string | null;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
}

/** A landmark or colloquial name for a street or community (migration 0009). */
export interface PlaceAliasesTable {
  id: Generated<number>;
  alias: string;
  unit_id: number;
  note: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

/** A unit's boundary (migration 0010): MultiPolygon coordinates in WGS-84 and their box. */
export interface UnitPolygonsTable {
  unit_id: number;
  coordinates: ColumnType<number[][][][], string, string>;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  vertices: number;
  source: string;
  updated_at: Generated<Date>;
}
