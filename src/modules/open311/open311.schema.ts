import { z } from 'zod';

/** The spec: an empty parameter behaves exactly like an absent one. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** A comma list; blanks between commas are dropped. */
const commaList = (item: z.ZodString) =>
  z
    .string()
    .max(4000)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1).max(1000));

/** W3C datetime with a zone (2026-05-01T09:30:00+08:00, …Z); fractional seconds allowed. */
const w3cDatetime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
    'must be a W3C datetime with a zone',
  )
  .transform((s) => new Date(s))
  .refine((d) => !Number.isNaN(d.getTime()), 'not a valid datetime');

const jurisdiction = optional(z.string().max(100)).describe('accepted; must be this district if given');

/** Query of every endpoint that takes only a jurisdiction. Unknown parameters (api_key…) are ignored. */
export const jurisdictionQuery = z.object({ jurisdiction_id: jurisdiction });

/** GET requests.{fmt}: the spec's filters plus the page/page_size extension. */
export const requestsQuery = z.object({
  jurisdiction_id: jurisdiction,
  /** Case numbers; overrides every other filter. */
  service_request_id: optional(commaList(z.string().max(64))),
  service_code: optional(commaList(z.string().max(40))),
  status: optional(commaList(z.string()).pipe(z.array(z.enum(['open', 'closed'])))),
  start_date: optional(w3cDatetime),
  end_date: optional(w3cDatetime),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
  page_size: optional(z.coerce.number().int().min(1).max(1000)),
});
export type RequestsQuery = z.infer<typeof requestsQuery>;

/** `{name}.{format}` in the last path segment, e.g. `04-06.json`. */
export const fileParams = z.object({ file: z.string().max(100) });

/** GET servicerequestupdates.{fmt}: a time window and the page extension (api_key is ignored). */
export const updatesQuery = requestsQuery.pick({
  jurisdiction_id: true,
  start_date: true,
  end_date: true,
  page: true,
  page_size: true,
});
