import { z } from 'zod';
import { statuses } from './cases.state.js';
import { unitActionNames } from './inbox.rules.js';

const iso = z.string().nullable();

/** A case as presentCase() shows it (the staff view). */
export const caseViewOut = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(statuses),
  kind: z.enum(['request', 'consultation']),
  title: z.string().nullable(),
  description: z.string(),
  categoryId: z.number().nullable(),
  priority: z.enum(['normal', 'urgent', 'critical']),
  areaUnitId: z.number().nullable(),
  address: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  leadUnitId: z.number().nullable(),
  channel: z.string(),
  receivedAt: iso,
  dispatchedAt: iso,
  acceptedAt: iso,
  contactedAt: iso,
  responseDueAt: iso,
  resolveDueAt: iso,
  resolvedAt: iso,
  verifiedAt: iso,
  evaluatedAt: iso,
  closedAt: iso,
  responseOverdue: z.boolean(),
  resolveOverdue: z.boolean(),
  respondedInTime: z.boolean().nullable(),
  resolvedInTime: z.boolean().nullable(),
  directAnswer: z.boolean(),
  result: z.string().nullable(),
  counts: z.object({
    reports: z.number(),
    returns: z.number(),
    reopens: z.number(),
    urges: z.number(),
    extensions: z.number(),
    evaluations: z.number(),
  }),
  mergedInto: z.string().nullable(),
  invalidReason: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  actions: z.array(z.string()),
});

const durationUnit = z.enum(['hours', 'workdays']).nullable();

/** What a unit may do on a case and how its deadlines are counted (inbox items and case detail). */
export const unitWorkOut = z.object({
  /** Unit actions the user may take now (their unit's assignment, the case status, their role). */
  myActions: z.array(z.enum(unitActionNames)),
  /** hours = calendar hours; workdays = working days on the Chinese calendar (countdowns skip days off). */
  deadlineUnits: z.object({ response: durationUnit, resolve: durationUnit }),
  /** An extension request waits for a supervisor's decision. */
  extensionPending: z.boolean(),
  /** Co-handling units whose part is still open (the lead resolves after them). */
  waitingFor: z.array(z.string()),
});

export const inboxItemOut = unitWorkOut.extend({
  case: caseViewOut,
  bucket: z.enum(['to_accept', 'in_progress', 'sent_back', 'co_handling']),
  /** The assignment the user's unit (or a unit below it) holds. */
  assignment: z.object({
    id: z.string(),
    role: z.enum(['lead', 'co']),
    status: z.enum(['pending', 'accepted']),
    unit: z.object({ id: z.number(), name: z.string() }),
    assignedAt: z.string(),
  }),
  /** Why the case came back to the unit: 重办 (reopen) or 核查不通过 (verify_failed). */
  sentBack: z
    .object({ action: z.enum(['reopen', 'verify_failed']), reason: z.string().nullable(), at: z.string() })
    .nullable(),
});

export const inboxOut = z.object({
  /** Most urgent first: the nearest open deadline (overdue ones first), then priority. */
  items: z.array(inboxItemOut),
  counts: z.object({
    to_accept: z.number(),
    in_progress: z.number(),
    sent_back: z.number(),
    co_handling: z.number(),
  }),
  /** More open work than one answer carries (INBOX_LIMIT); the most urgent come first. */
  truncated: z.boolean(),
});
