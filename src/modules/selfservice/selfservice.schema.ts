import { z } from 'zod';
import { actionBodies, reporterSchema } from '../cases/cases.schema.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** What a citizen files on the public web form (JSON, or the same fields as multipart with photos). */
export const submitBody = z.strictObject({
  /** What the problem is, in the citizen's words. */
  text: text(4000),
  /** Leaf category code, when the citizen picked one. */
  categoryCode: text(40).optional(),
  /** Where: a map point (WGS84, inside the district) and/or an address; one of them is required. */
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  address: text(300).optional(),
  /** How to reach the reporter; ignored and never stored when `anonymous`. */
  contact: reporterSchema.pick({ name: true, phone: true, email: true }).default({}),
  /** File without any identity; the tracking code is then the only way back to the report. */
  anonymous: z.boolean().default(false),
  /** The reporter accepted the privacy notice; refused with `consent_required` unless true. */
  consent: z.boolean().optional(),
  /** Version of the privacy notice the reporter was shown; required with the consent. */
  privacyNoticeVersion: text(40).optional(),
});
export type SubmitInput = z.infer<typeof submitBody>;

export const submitOut = z.object({
  caseNumber: z.string(),
  /** Shown once: keep it to track an anonymous report (only its hash is stored). */
  trackingCode: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  receivedAt: z.string(),
  photos: z.number().int(),
});

export const caseNumberParams = z.strictObject({ number: text(64).describe('the case number (受理编号)') });

/** Who is asking: the last four digits of the phone given at submission, or the tracking code. */
const proofShape = {
  phoneLast4: z
    .string()
    .regex(/^\d{4}$/, 'four digits')
    .optional(),
  trackingCode: text(40).optional(),
};
const oneProof = (p: { phoneLast4?: string | undefined; trackingCode?: string | undefined }) =>
  (p.phoneLast4 === undefined) !== (p.trackingCode === undefined);
const proofMessage = { message: 'give either phoneLast4 or trackingCode' };

export const proofBody = z.strictObject(proofShape).refine(oneProof, proofMessage);
export type Proof = z.infer<typeof proofBody>;

const evaluate = actionBodies.evaluate.shape;

/** 回访评价 by the reporter: the same values the callback desk records. */
export const rateBody = z
  .strictObject({
    ...proofShape,
    solved: evaluate.solved,
    satisfaction: evaluate.satisfaction,
    comment: text(2000).optional(),
  })
  .refine(oneProof, proofMessage);
export type RateInput = z.infer<typeof rateBody>;

/** 重办 asked by an unsatisfied reporter within the reopen window. */
export const reopenBody = z
  .strictObject({ ...proofShape, reason: text(1000) })
  .refine(oneProof, proofMessage);
export type ReopenInput = z.infer<typeof reopenBody>;

const evaluation = z
  .object({
    solved: z.boolean().nullable(),
    satisfaction: z.string().nullable(),
    comment: z.string().nullable(),
    at: z.string(),
  })
  .nullable();

/** What a reporter sees of their case: public facts and their own report, nobody else's. */
export const trackingOut = z.object({
  number: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  category: z.object({ code: z.string(), name: z.string() }).nullable(),
  receivedAt: z.string(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  timeline: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      label: z.string(),
      status: z.string().nullable(),
      statusLabel: z.string().nullable(),
    }),
  ),
  report: z.object({
    receivedAt: z.string(),
    text: z.string(),
    address: z.string().nullable(),
    anonymous: z.boolean(),
    answer: z.string().nullable(),
    evaluation,
  }),
  canRate: z.boolean(),
  canReopen: z.boolean(),
  /** Until when a reopen may be asked for (resolution + REOPEN_WINDOW_DAYS); null before resolution. */
  reopenUntil: z.string().nullable(),
});
export type TrackingView = z.infer<typeof trackingOut>;

const localized = { code: z.string(), name: z.string(), nameEn: z.string().nullable() };

/** A leaf category a citizen can pick; `code` is what the report's `categoryCode` takes. */
export const publicServiceOut = z.object({ ...localized, group: z.object(localized) });
export type PublicService = z.infer<typeof publicServiceOut>;
export const servicesOut = z.object({ items: z.array(publicServiceOut) });

/** The district the form files into; a map point must lie inside `bbox` (WGS84) when it is set. */
export const districtOut = z.object({
  code: z.string(),
  name: z.string().nullable(),
  bbox: z
    .object({ minLon: z.number(), maxLon: z.number(), minLat: z.number(), maxLat: z.number() })
    .nullable(),
});
export type PublicDistrict = z.infer<typeof districtOut>;
