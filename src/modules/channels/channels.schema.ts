import { z } from 'zod';
import { channels } from '../cases/cases.schema.js';

/** Report fields a channel's payload can be mapped onto. */
export const mappableFields = [
  'externalId',
  'text',
  'title',
  'categoryCode',
  'priority',
  'kind',
  'address',
  'lon',
  'lat',
  'areaCode',
  'reporterName',
  'reporterPhone',
  'reporterEmail',
  'reporterIdNumber',
  'anonymous',
  'confidential',
  'occurredAt',
] as const;
export type MappableField = (typeof mappableFields)[number];

/** `msg.id`, `location.lng`, `photos.0.url`: keys (or array indexes) joined by dots. */
const dotPath = z
  .string()
  .regex(/^[^.\s]{1,100}(\.[^.\s]{1,100}){0,19}$/, 'a dot path such as msg.id (at most 20 segments)');
const scalar = z.union([z.string().max(4000), z.number(), z.boolean()]);
const field = z.enum(mappableFields);
const fieldPaths = Object.fromEntries(
  mappableFields.map((f) => [f, f === 'externalId' || f === 'text' ? dotPath : dotPath.optional()]),
) as {
  [K in MappableField]: K extends 'externalId' | 'text' ? typeof dotPath : z.ZodOptional<typeof dotPath>;
};

/**
 * How a channel's payload becomes a report. `fields` names the payload path of each report field
 * (externalId and text are required); `values` translates the channel's own words per field
 * (their category codes → ours, their priority words → ours; `*` catches every other value,
 * otherwise unlisted values pass through); `constants` fill fields the payload does not carry.
 */
export const fieldMappingSchema = z.strictObject({
  fields: z.strictObject(fieldPaths),
  values: z
    .partialRecord(
      field,
      z
        .record(z.string().max(200), scalar)
        .refine((m) => Object.keys(m).length <= 1000, 'at most 1000 values'),
    )
    .default({}),
  constants: z.partialRecord(field.exclude(['externalId']), scalar).default({}),
});
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

const code = z.string().regex(/^[a-z0-9-]{2,40}$/, 'code is 2–40 lowercase letters, digits or hyphens');
const name = z.string().trim().min(1).max(100);
const callbackUrl = z.url({ protocol: /^https?$/, error: 'callback_url must be an http(s) URL' }).max(2000);

export const createChannelBody = z.strictObject({
  /** Path segment of the webhook (`/api/inbound/<code>`) and prefix of its reports' external ids. */
  code,
  name,
  /** The intake channel its reports carry. */
  kind: z.enum(channels),
  fieldMapping: fieldMappingSchema,
  /** Where status changes go back, signed with the channel's secret. */
  callbackUrl: callbackUrl.optional(),
});
export type CreateChannelInput = z.infer<typeof createChannelBody>;

export const updateChannelBody = z
  .strictObject({
    name: name.optional(),
    fieldMapping: fieldMappingSchema.optional(),
    /** null stops callbacks. */
    callbackUrl: callbackUrl.nullable().optional(),
    /** false pauses the channel (deliveries answer 404) until set back to true. */
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateChannelInput = z.infer<typeof updateChannelBody>;

export const channelParams = z.strictObject({ id: z.coerce.number().int().positive() });

export const channelOut = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  fieldMapping: z.unknown(),
  callbackUrl: z.string().nullable(),
  userId: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** The webhook to POST to. */
  inboundPath: z.string(),
});

/** The channel with its secret: only in the answers to create and rotate. */
export const channelWithSecretOut = channelOut.extend({ secret: z.string() });

/** What an inbound delivery answers: 201 first time, 200 with duplicate=true on redelivery. */
export const inboundOut = z.object({
  caseNumber: z.string(),
  caseId: z.string(),
  reportId: z.string(),
  duplicate: z.boolean(),
});

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

/**
 * The text fields of a grid patrol report (网格员巡查上报), sent as multipart fields beside at least
 * one photo. GPS is required: a patrol report is where the grid worker stood.
 */
export const patrolFields = z.strictObject({
  text: z.string().trim().min(1).max(4000),
  title: optionalText(200),
  categoryCode: optionalText(40),
  address: optionalText(300),
  /** WGS84 longitude and latitude from the device's GPS. */
  lon: z.coerce.number().min(-180).max(180),
  lat: z.coerce.number().min(-90).max(90),
  /** GPS accuracy radius in metres, as the device reports it. */
  accuracy: z.coerce.number().min(0).max(100_000).optional(),
  /** When the photo was taken (ISO 8601 with offset); offline devices send later. */
  capturedAt: z.iso.datetime({ offset: true }).optional(),
  /** The device's own id for this report: a retry from an offline device returns the first case. */
  externalId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'externalId is 1–100 letters, digits or ._:-')
    .optional(),
  /** Device name or id, kept with the report for the record. */
  device: optionalText(100),
});
export type PatrolFields = z.infer<typeof patrolFields>;

export const patrolOut = inboundOut.extend({
  attachments: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      mimeType: z.string(),
      size: z.number(),
      sha256: z.string(),
    }),
  ),
});
