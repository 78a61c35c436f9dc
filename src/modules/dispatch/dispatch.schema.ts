import { z } from 'zod';

const code = z.string().trim().min(1).max(40);

/** A rule's changeable terms. */
const termsFields = {
  /** unit = to the lead unit (with co-handling units); street = 直派街乡 to the area's street/township. */
  mode: z.enum(['unit', 'street']),
  /** Lead unit code (主办), required for mode unit and refused for mode street. */
  lead: code.nullable().default(null),
  /** Co-handling unit codes (协办). */
  co: z.array(code).max(10).default([]),
  note: z.string().trim().min(1).max(200).nullable().default(null),
};

export const ruleTermsBody = z.strictObject(termsFields);

export const createRuleBody = z.strictObject({
  /** Category code at any level; null = any category. */
  category: code.nullable(),
  /** Area unit code; null = the whole district. */
  area: code.nullable(),
  ...termsFields,
});

export const idParams = z.strictObject({ id: z.coerce.number().int().positive() });

export const listQuery = z.strictObject({
  includeRetired: z.enum(['true', 'false']).default('false'),
  category: code.optional(),
  area: code.optional(),
});

export const previewQuery = z.strictObject({ category: code.optional(), area: code.optional() });

const ref = z.object({ id: z.number(), code: z.string(), name: z.string() });

export const ruleSchema = z.object({
  id: z.number(),
  category: ref.nullable(),
  area: ref.nullable(),
  mode: z.enum(['unit', 'street']),
  lead: ref.nullable(),
  co: z.array(ref),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.number().nullable(),
  retiredAt: z.string().nullable(),
});

export const listResponse = z.object({ rules: z.array(ruleSchema) });
export const historyResponse = z.object({ rule: ruleSchema, history: z.array(ruleSchema) });

export const previewResponse = z.object({
  decision: z
    .object({
      ruleId: z.number(),
      mode: z.enum(['unit', 'street']),
      lead: ref,
      co: z.array(ref),
      reason: z.string(),
    })
    .nullable(),
  /** Every matching rule, most specific first. */
  candidates: z.array(
    z.object({
      rule: ruleSchema,
      categoryDepth: z.number(),
      areaDepth: z.number(),
      chosen: z.boolean(),
      skipped: z.string().nullable(),
    }),
  ),
});
