import { z } from 'zod';
import { statuses } from './cases.state.js';

/** Channels a report can arrive through; each report keeps its channel and external id. */
export const channels = [
  'hotline',
  'web',
  'app',
  'wechat',
  'grid',
  'api',
  'open311',
  'webhook',
  'email',
  'leader_board',
  'iot',
] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const priority = z.enum(['normal', 'urgent', 'critical']);
const unit = z.enum(['hours', 'workdays']);

export const reporterSchema = z.strictObject({
  /** Reporter's name; masked for roles without the PII right. */
  name: text(50).optional(),
  /** Mainland mobile or fixed-line number. */
  phone: z
    .string()
    .regex(/^\+?[0-9-]{5,20}$/, 'phone must be digits')
    .optional(),
  /** E-mail address for answers that go back by mail. */
  email: z.email().max(200).optional(),
  /** 18-character resident ID number. */
  idNumber: z
    .string()
    .regex(/^\d{17}[\dXx]$/, 'ID number must be 18 characters')
    .optional(),
  /** The reporter does not want their identity recorded with the case. */
  anonymous: z.boolean().default(false),
  /** The reporter asks that handling units not see their identity (保密). */
  confidential: z.boolean().default(false),
});

export const intakeBody = z.strictObject({
  channel: z.enum(channels),
  /** The channel's own id for this message; a redelivery with the same id returns the first report. */
  externalId: text(200).optional(),
  /** What the person said. */
  text: text(4000),
  title: text(200).optional(),
  /** Leaf category code, when known at intake. */
  categoryCode: text(40).optional(),
  priority: priority.default('normal'),
  /** request = something to handle; consultation = a question that may be answered at intake. */
  kind: z.enum(['request', 'consultation']).default('request'),
  address: text(300).optional(),
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  /** Org unit (street, community or grid) where the problem is, by id or code. */
  areaUnitId: z.number().int().positive().optional(),
  areaCode: text(40).optional(),
  reporter: reporterSchema.default({ anonymous: false, confidential: false }),
  /** Attach this report to an existing open case (并案) instead of opening a new one. */
  mergeIntoCase: text(64).optional(),
  /** Dispatch at once through the dispatch catalogue when category and area are known. */
  autoDispatch: z.boolean().default(false),
});
export type IntakeInput = z.infer<typeof intakeBody>;

const version = z.number().int().positive().describe('the case version you read (optimistic concurrency)');

export const actionBodies = {
  dispatch: z.strictObject({
    version,
    /** Explicit lead unit; when absent the dispatch catalogue decides. */
    leadUnitId: z.number().int().positive().optional(),
    coUnitIds: z.array(z.number().int().positive()).max(10).default([]),
    categoryCode: text(40).optional(),
    priority: priority.optional(),
    reason: text(1000).optional(),
  }),
  accept: z.strictObject({ version, note: text(1000).optional() }),
  contact: z.strictObject({ version, note: text(2000) }),
  return: z.strictObject({ version, reason: text(1000) }),
  resolve: z.strictObject({
    version,
    result: text(4000),
    attachmentIds: z.array(z.uuid()).max(20).default([]),
  }),
  co_accept: z.strictObject({ version }),
  co_submit: z.strictObject({ version, result: text(4000) }),
  request_extension: z.strictObject({
    version,
    amount: z.number().int().min(1).max(60),
    unit,
    reason: text(1000),
  }),
  decide_extension: z.strictObject({ version, approve: z.boolean(), reason: text(1000).optional() }),
  urge: z.strictObject({ version, message: text(1000) }),
  verify: z.strictObject({ version, passed: z.boolean(), note: text(2000).optional() }),
  evaluate: z.strictObject({
    version,
    /** Which reporter's evaluation this is; defaults to the first report of the case. */
    reportId: z.uuid().optional(),
    solved: z.boolean(),
    satisfaction: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']),
    comment: text(2000).optional(),
  }),
  reopen: z.strictObject({ version, reason: text(1000) }),
  close: z.strictObject({ version, note: text(1000).optional() }),
  answer: z.strictObject({
    version,
    answer: text(4000),
    categoryCode: text(40).optional(),
    /** The knowledge article the answer came from (一网通答): counted as one use of it. */
    articleId: z
      .number()
      .int()
      .positive()
      .max(2 ** 31 - 1)
      .optional(),
  }),
  invalidate: z.strictObject({ version, reason: text(1000) }),
  merge: z.strictObject({ version, intoCase: text(64), reason: text(1000).optional() }),
} as const;
/** 拆分: POST /api/cases/{id}/split (its own route: it answers with the new case as well). */
export const splitBody = z.strictObject({
  version,
  /** The report to take out: one that joined the case after it was opened (并案), not rated yet. */
  reportId: z.uuid(),
  /** Why the report is not the same problem (kept on both timelines and in the audit). */
  reason: text(1000).optional(),
});
export type SplitInput = z.infer<typeof splitBody>;

export type ActionBodies = { [K in keyof typeof actionBodies]: z.infer<(typeof actionBodies)[K]> };

export const caseParams = z.strictObject({ id: text(64).describe('case id (uuid) or case number') });

export const listQuery = z.strictObject({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(z.enum(statuses)).optional()),
  unitId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Cases whose unit asked for more time and nobody has decided yet (延期待审批). */
  pendingExtension: z.enum(['true', 'false']).optional(),
  /**
   * 争议: open cases the units keep sending back or the city had to redo — returned twice or more,
   * or reopened after an unsatisfied rating (derived from the counters; there is no dispute record).
   */
  disputed: z.enum(['true', 'false']).optional(),
  /** 回访: cases ready for the callback (verified, or answered at intake) with reports not rated yet. */
  awaitingCallback: z.enum(['true', 'false']).optional(),
  /** received (newest first, the default) or due (the resolution deadline nearest first, none last). */
  sort: z.enum(['received', 'due']).default('received'),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
