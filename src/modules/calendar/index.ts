import type { Module } from '../module.js';
import { calendarRoutes } from './calendar.routes.js';

export {
  addDays,
  buildCalendar,
  dayDetail,
  isValidDay,
  isWorkday,
  nextWorkday,
  shanghaiDay,
  type Day,
  type DayDetail,
  type WorkCalendar,
} from './calendar.days.js';
export {
  addDuration,
  calendarCoverage,
  coverageWarnings,
  remainingWorkingTime,
  workingDaysBetween,
  workingMsBetween,
  type Remaining,
} from './calendar.rules.js';
export { loadCalendar } from './calendar.service.js';

/** Working calendar (Chinese holidays, 调休, admin overrides) and deadline arithmetic. */
export const calendarModule: Module = { name: 'calendar', routes: calendarRoutes };
