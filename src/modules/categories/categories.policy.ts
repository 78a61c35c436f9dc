import type { DeadlinePolicy, DurationUnit, Priority } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';

export const priorities: readonly Priority[] = ['normal', 'urgent', 'critical'];

/** A duration: calendar hours or Chinese working days (see modules/calendar addDuration). */
export interface Duration {
  amount: number;
  unit: DurationUnit;
}

/** The two deadlines of one priority: first response (签收/联系) and resolution (办结). */
export interface Terms {
  response: Duration;
  resolve: Duration;
}

/** Deadlines for all three priorities, as an admin sets them. */
export type DeadlineSet = Record<Priority, Terms>;

/** A policy row's terms. */
export function termsOf(p: DeadlinePolicy): Terms {
  return {
    response: { amount: p.response_amount, unit: p.response_unit },
    resolve: { amount: p.resolve_amount, unit: p.resolve_unit },
  };
}

/** True when a policy row already carries exactly these terms (an edit would change nothing). */
export function sameTerms(p: DeadlinePolicy, t: Terms): boolean {
  return (
    p.response_amount === t.response.amount &&
    p.response_unit === t.response.unit &&
    p.resolve_amount === t.resolve.amount &&
    p.resolve_unit === t.resolve.unit
  );
}

// Nominal length for sanity checks only: a working day never spans less than 24 calendar hours.
const nominalHours = (d: Duration) => (d.unit === 'hours' ? d.amount : d.amount * 24);

/**
 * Refuses deadline sets that make no sense: a response due after the resolution, or a more
 * urgent priority with a longer resolution deadline than a less urgent one.
 */
export function validateDeadlineSet(set: DeadlineSet): void {
  const problems: string[] = [];
  for (const p of priorities) {
    if (nominalHours(set[p].response) > nominalHours(set[p].resolve)) {
      problems.push(`${p}: the response deadline is longer than the resolution deadline`);
    }
  }
  if (nominalHours(set.urgent.resolve) > nominalHours(set.normal.resolve)) {
    problems.push('urgent resolution is longer than normal');
  }
  if (nominalHours(set.critical.resolve) > nominalHours(set.urgent.resolve)) {
    problems.push('critical resolution is longer than urgent');
  }
  if (problems.length > 0) throw new DomainError('validation_failed', problems.join('; '), { problems });
}

/** Row values of a new policy version. */
export function policyValues(categoryId: number, priority: Priority, t: Terms, createdBy: number | null) {
  return {
    category_id: categoryId,
    priority,
    response_amount: t.response.amount,
    response_unit: t.response.unit,
    resolve_amount: t.resolve.amount,
    resolve_unit: t.resolve.unit,
    created_by: createdBy,
  };
}
