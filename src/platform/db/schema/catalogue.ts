/** Row types of the catalogue: categories with their attributes and deadlines, the calendar, dispatch rules. */
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, DefaultTimestamp } from './columns.js';

export type Priority = 'normal' | 'urgent' | 'critical';

export type DurationUnit = 'hours' | 'workdays';

export interface CategoriesTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string | null;
  parent_id: number | null;
  level: number;
  is_leaf: Generated<boolean>;
  kind: Generated<'event' | 'component' | 'consultation' | 'complaint' | 'suggestion' | 'help'>;
  active: Generated<boolean>;
  created_at: DefaultTimestamp;
  /** GeoReport service attributes (extra questions) of a leaf; validated on write. */
  attributes: ColumnType<ServiceAttribute[], string | undefined, string>;
}

export type AttributeDatatype =
  'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

/** One GeoReport v2 service attribute, named as the spec names its fields. */
export interface ServiceAttribute {
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  /** false: informational only, never asked of the user. */
  variable: boolean;
  order: number;
  description: string;
  datatype_description: string;
  /** The choices of the two list types; empty otherwise. */
  values: Array<{ key: string; name: string }>;
}

export interface DeadlinePoliciesTable {
  id: Generated<number>;
  category_id: number;
  priority: Priority;
  response_amount: number;
  response_unit: DurationUnit;
  resolve_amount: number;
  resolve_unit: DurationUnit;
  created_at: DefaultTimestamp;
  created_by: number | null;
  retired_at: Timestamp | null;
}

export interface CalendarOverridesTable {
  day: ColumnType<string, string, string>;
  is_workday: boolean;
  note: string | null;
  created_at: DefaultTimestamp;
}

export interface DispatchRulesTable {
  id: Generated<number>;
  category_id: number | null;
  area_unit_id: number | null;
  mode: 'unit' | 'street';
  lead_unit_id: number | null;
  co_unit_ids: ColumnType<number[], number[] | undefined, number[]>;
  note: string | null;
  created_at: DefaultTimestamp;
  created_by: number | null;
  retired_at: Timestamp | null;
}
