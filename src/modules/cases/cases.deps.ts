import type { Conn } from '../../platform/db/index.js';
import type { Category, DeadlinePolicy, OrgUnit, Priority } from '../../platform/db/schema.js';
import type { AddDuration } from './cases.deadlines.js';

/**
 * What the case module needs from its neighbours (org, categories, calendar, dispatch),
 * named in one place so the lifecycle code reads as the domain and not as joins.
 */
export interface DispatchDecision {
  ruleId: number | null;
  leadUnitId: number;
  coUnitIds: number[];
  reason: string;
}

export interface CaseDeps {
  findUnit(db: Conn, idOrCode: number | string): Promise<OrgUnit | undefined>;
  findCategory(db: Conn, code: string): Promise<Category | undefined>;
  findCategoryById(db: Conn, id: number): Promise<Category | undefined>;
  currentPolicy(db: Conn, categoryId: number, priority: Priority): Promise<DeadlinePolicy | undefined>;
  resolveDispatch(
    db: Conn,
    input: { categoryId: number; areaUnitId: number | null },
  ): Promise<DispatchDecision | null>;
  calendar(db: Conn): Promise<AddDuration>;
}
