import { z } from 'zod';
import type { ServiceAttribute } from '../../platform/db/schema.js';

/** The GeoReport v2 attribute datatypes. */
export const attributeDatatypes = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;

const listTypes: ReadonlySet<string> = new Set(['singlevaluelist', 'multivaluelist']);

/** Whether a datatype takes its answer from `values`. */
export const isListType = (datatype: string) => listTypes.has(datatype);

// A code travels in a form field name, `attribute[CODE]` or `attribute[CODE][]`: no brackets.
const attributeCode = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,50}$/, 'attribute code is 1-50 letters, digits, _ . or -');

const valueSchema = z.strictObject({
  key: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(100),
});

const attributeSchema = z
  .strictObject({
    code: attributeCode,
    datatype: z.enum(attributeDatatypes),
    required: z.boolean().default(false),
    /** false: informational text shown to the user, never answered. */
    variable: z.boolean().default(true),
    /** Position in the form; positive and unique per service. */
    order: z.number().int().positive().max(1000),
    description: z.string().trim().min(1).max(500),
    datatype_description: z.string().trim().max(300).default(''),
    values: z.array(valueSchema).max(100).default([]),
  })
  .superRefine((a, ctx) => {
    if (isListType(a.datatype)) {
      if (a.values.length === 0) ctx.addIssue({ code: 'custom', message: `${a.code}: a list needs values` });
      const keys = a.values.map((v) => v.key);
      if (new Set(keys).size !== keys.length) {
        ctx.addIssue({ code: 'custom', message: `${a.code}: value keys must be unique` });
      }
    } else if (a.values.length > 0) {
      ctx.addIssue({ code: 'custom', message: `${a.code}: only list datatypes take values` });
    }
    if (!a.variable && a.required) {
      ctx.addIssue({ code: 'custom', message: `${a.code}: an informational attribute cannot be required` });
    }
  });

/**
 * A service's attribute definition as an admin sets it: codes and orders unique, values only on
 * the two list types. Stored as given (in `order`), served by Open311 `services/{code}`.
 */
export const attributesSchema = z
  .array(attributeSchema)
  .max(50)
  .superRefine((list, ctx) => {
    const codes = list.map((a) => a.code);
    if (new Set(codes).size !== codes.length)
      ctx.addIssue({ code: 'custom', message: 'codes must be unique' });
    const orders = list.map((a) => a.order);
    if (new Set(orders).size !== orders.length) {
      ctx.addIssue({ code: 'custom', message: 'orders must be unique' });
    }
  })
  .transform((list): ServiceAttribute[] => [...list].sort((a, b) => a.order - b.order));

/** Output shape of an attribute definition in the categories API. */
export const attributeOut = z.object({
  code: z.string(),
  datatype: z.enum(attributeDatatypes),
  required: z.boolean(),
  variable: z.boolean(),
  order: z.number(),
  description: z.string(),
  datatype_description: z.string(),
  values: z.array(z.object({ key: z.string(), name: z.string() })),
});
