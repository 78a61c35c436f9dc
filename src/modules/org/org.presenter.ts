import type { OrgUnit } from '../../platform/db/schema.js';
import type { UnitOut } from './org.schema.js';

/** Org unit row → API object. */
export function presentUnit(row: OrgUnit): UnitOut {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    parentId: row.parent_id,
    path: row.path,
    depth: row.depth,
    divisionCode: row.division_code,
    active: row.active,
  };
}
