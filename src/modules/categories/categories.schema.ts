import { z } from 'zod';
import { attributeOut, attributesSchema } from './categories.attributes.js';
import { CODE_PATTERN } from './categories.codes.js';

/** `NN`, `NN-NN` or `NN-NN-NN`. */
export const categoryCode = z.string().regex(CODE_PATTERN, 'category code is NN, NN-NN or NN-NN-NN');
export const categoryKind = z.enum(['event', 'component', 'consultation', 'complaint', 'suggestion', 'help']);
const durationUnit = z.enum(['hours', 'workdays']);

/** A deadline: whole calendar hours (≤ 1 year) or whole working days (≤ 250). */
export const durationSchema = z
  .strictObject({ amount: z.number().int().positive(), unit: durationUnit })
  .refine((d) => d.amount <= (d.unit === 'hours' ? 8760 : 250), 'deadline too long');

/** First response (签收并联系) and resolution (办结) deadlines of one priority. */
export const termsSchema = z.strictObject({ response: durationSchema, resolve: durationSchema });

/** Deadlines for every priority; all three are required so a leaf is never half-configured. */
export const deadlineSetSchema = z.strictObject({
  normal: termsSchema,
  urgent: termsSchema,
  critical: termsSchema,
});

export const codeParams = z.strictObject({ code: categoryCode });

export const treeQuery = z.strictObject({
  /** Include deactivated categories. */
  includeInactive: z.enum(['true', 'false']).default('false'),
});

export const createBody = z.strictObject({
  /** Parent code; omit for a new level-1 category. */
  parentCode: categoryCode.optional(),
  /** Omit to take the next free code under the parent. */
  code: categoryCode.optional(),
  name: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(120).nullable().default(null),
  kind: categoryKind.optional(),
  deadlines: deadlineSetSchema.optional(),
  /** Open311 service attributes (extra questions) of the new leaf. */
  attributes: attributesSchema.optional(),
});

export const patchBody = z
  .strictObject({
    name: z.string().trim().min(1).max(60).optional(),
    nameEn: z.string().trim().min(1).max(120).nullable().optional(),
    /** Applies to the whole subtree. */
    active: z.boolean().optional(),
    /** Replaces the leaf's Open311 service attributes; [] removes them. */
    attributes: attributesSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

const durationOut = z.object({ amount: z.number(), unit: durationUnit });

export const policySchema = z.object({
  id: z.number(),
  priority: z.enum(['normal', 'urgent', 'critical']),
  response: durationOut,
  resolve: durationOut,
  createdAt: z.string(),
  createdBy: z.number().nullable(),
  /** Set once a newer version replaced this one; cases dispatched under it keep it. */
  retiredAt: z.string().nullable(),
});

export const categorySchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  parentCode: z.string().nullable(),
  level: z.number(),
  isLeaf: z.boolean(),
  kind: categoryKind,
  active: z.boolean(),
  /** Open311 service attributes, in order (leaves only; empty elsewhere). */
  attributes: z.array(attributeOut),
  /** Current deadlines by priority (leaves only; null until set). */
  deadlines: z
    .object({
      normal: policySchema.nullable(),
      urgent: policySchema.nullable(),
      critical: policySchema.nullable(),
    })
    .nullable(),
});

export type CategoryTreeNode = z.infer<typeof categorySchema> & { children: CategoryTreeNode[] };

/** Registered by id so the OpenAPI document names the recursive node in components.schemas. */
export const treeNodeSchema: z.ZodType<CategoryTreeNode> = categorySchema
  .extend({
    get children() {
      return z.array(treeNodeSchema);
    },
  })
  .meta({ id: 'CategoryTreeNode' });

export const treeResponse = z.object({ categories: z.array(treeNodeSchema) });

export const detailResponse = z.object({
  category: categorySchema,
  path: z.array(z.object({ code: z.string(), name: z.string() })),
  children: z.array(categorySchema.omit({ deadlines: true })),
  /** Every policy version, newest first. */
  history: z.array(policySchema),
});

export const setDeadlinesResponse = z.object({ category: categorySchema, changed: z.number() });
