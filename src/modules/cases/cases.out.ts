import { z } from 'zod';
import { statuses } from './cases.state.js';
import { unitActionNames } from './inbox.rules.js';

/**
 * The response schemas of the case routes (GET /api/cases, GET /api/cases/{id}, POST /api/reports,
 * the lifecycle actions, the inbox): the OpenAPI document declares them, the console's types are
 * generated from it, and the serializer checks every answer against them.
 */
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

const reporterOut = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  email: z.string().nullable(),
});

/** A report as presentReport() shows it: the reporter masked unless the user may see them. */
export const reportOut = z.object({
  id: z.string(),
  channel: z.string(),
  externalId: z.string().nullable(),
  text: z.string(),
  address: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  receivedAt: z.string(),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  reporter: reporterOut,
  answer: z.string().nullable(),
  evaluation: z
    .object({
      solved: z.boolean().nullable(),
      satisfaction: z.string().nullable(),
      comment: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
});

/** GET /api/cases: each case with its last return (退单理由) and a pending extension request. */
export const caseListOut = z.object({
  items: z.array(
    caseViewOut.extend({
      lastReturn: z
        .object({ reason: z.string().nullable(), unitName: z.string(), at: z.string() })
        .nullable(),
      pendingExtension: z
        .object({
          id: z.string(),
          amount: z.number(),
          unit: z.enum(['hours', 'workdays']),
          reason: z.string(),
          requestedAt: z.string(),
        })
        .nullable(),
    }),
  ),
  total: z.number(),
  page: z.number(),
});

export const caseDetailOut = z.object({
  case: caseViewOut,
  /** The user's unit's side of the case: actions open now, how deadlines count (承办). */
  work: unitWorkOut,
  reports: z.array(
    /** joinedLater: the report came to the case by 并案 (not the one it was opened with): it may be split out. */
    reportOut.extend({ joinedLater: z.boolean() }),
  ),
  assignments: z.array(
    z.object({
      id: z.string(),
      unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
      role: z.enum(['lead', 'co']),
      status: z.enum(['pending', 'accepted', 'returned', 'done', 'withdrawn']),
      assignedAt: z.string(),
      acceptedAt: iso,
      returnedAt: iso,
      returnReason: z.string().nullable(),
      doneAt: iso,
      result: z.string().nullable(),
    }),
  ),
  /** Citizens see the public entries only, without actor, reason or data. */
  timeline: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      action: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      actorUserId: z.number().nullable(),
      actorUnitId: z.number().nullable(),
      reason: z.string().nullable(),
      data: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  attachments: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      mimeType: z.string(),
      size: z.number(),
      eventId: z.string().nullable(),
      url: z.string(),
    }),
  ),
  extensions: z.array(
    z.object({
      id: z.string(),
      amount: z.number(),
      unit: z.enum(['hours', 'workdays']),
      reason: z.string(),
      status: z.enum(['pending', 'approved', 'denied', 'moot']),
      requestedAt: z.string(),
      decidedAt: iso,
      decisionReason: z.string().nullable(),
    }),
  ),
});

/** POST /api/reports: the case the report opened or joined; duplicate = a redelivery (200). */
export const createdOut = z.object({ duplicate: z.boolean(), reportId: z.string(), case: caseViewOut });

/** A lifecycle action's answer: the case after it. */
export const actionOut = z.object({ case: caseViewOut });
