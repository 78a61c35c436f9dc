import type { DurationUnit, TimerKind } from '../../platform/db/schema.js';

/** Every timer kind a dispatch schedules. */
export const allTimerKinds = ['response_warning', 'response_due', 'resolve_warning', 'resolve_due'] as const;

/** Adds a duration on the working calendar in force (see modules/calendar). */
export type AddDuration = (start: Date, amount: number, unit: DurationUnit) => Date;

export interface PolicyTerms {
  response_amount: number;
  response_unit: DurationUnit;
  resolve_amount: number;
  resolve_unit: DurationUnit;
}

export interface Schedule {
  responseDue: Date;
  resolveDue: Date;
  timers: Array<{ kind: TimerKind; fireAt: Date }>;
}

/** The instant at `ratio` of the way from start to due: when the warning (预警) is raised. */
export function warningAt(start: Date, due: Date, ratio: number): Date {
  return new Date(start.getTime() + Math.floor((due.getTime() - start.getTime()) * ratio));
}

/** Response and resolution deadlines for a dispatch at `start`, with the timers that watch them. */
export function scheduleFor(policy: PolicyTerms, start: Date, add: AddDuration, ratio: number): Schedule {
  const responseDue = add(start, policy.response_amount, policy.response_unit);
  const resolveDue = add(start, policy.resolve_amount, policy.resolve_unit);
  return {
    responseDue,
    resolveDue,
    timers: [
      { kind: 'response_warning', fireAt: warningAt(start, responseDue, ratio) },
      { kind: 'response_due', fireAt: responseDue },
      { kind: 'resolve_warning', fireAt: warningAt(start, resolveDue, ratio) },
      { kind: 'resolve_due', fireAt: resolveDue },
    ],
  };
}

/** Timers for a new resolution deadline (after an approved extension). */
export function resolveTimers(from: Date, resolveDue: Date, ratio: number): Schedule['timers'] {
  return [
    { kind: 'resolve_warning', fireAt: warningAt(from, resolveDue, ratio) },
    { kind: 'resolve_due', fireAt: resolveDue },
  ];
}
