import { z } from 'zod';

export const unitKinds = ['city', 'district', 'street', 'community', 'grid', 'department'] as const;

/** One org unit as the API shows it. */
export const unitOut = z.object({
  id: z.number().int(),
  /** Statistical division code for area units (110115001), `<district>-Dnn` for departments. */
  code: z.string(),
  name: z.string(),
  /** Name without its administrative suffix (西红门地区 → 西红门). */
  shortName: z.string().nullable(),
  kind: z.enum(unitKinds),
  parentId: z.number().int().nullable(),
  /** Codes from the root joined by '/', with a trailing '/'; a subtree is every path with this prefix. */
  path: z.string(),
  /** 0 for the root city, 1 for a district, 2 for streets and departments, … */
  depth: z.number().int(),
  divisionCode: z.string().nullable(),
  active: z.boolean(),
});
export type UnitOut = z.infer<typeof unitOut>;

export const unitDetailOut = unitOut.extend({
  /** Every unit above this one, root first. */
  ancestors: z.array(unitOut),
});

export const unitListQuery = z.object({
  /** Direct children of this unit. Without parentId, kind or q the roots are listed. */
  parentId: z.coerce.number().int().positive().optional(),
  kind: z.enum(unitKinds).optional(),
  /** Substring of the name, short name or code. */
  q: z.string().trim().min(1).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});
export type UnitListQuery = z.infer<typeof unitListQuery>;

export const unitListOut = z.object({ items: z.array(unitOut), total: z.number().int() });

export const unitIdParams = z.object({ id: z.coerce.number().int().positive() });

/** Kinds an administrator may add by hand; cities and districts come from the division import. */
export const creatableKinds = ['street', 'community', 'grid', 'department'] as const;

export const createUnitBody = z.strictObject({
  /** Unique code; no '/' (it separates path segments). */
  code: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z][0-9A-Za-z_-]{0,39}$/, 'code: letters, digits, - and _ only'),
  name: z.string().trim().min(1).max(100),
  shortName: z.string().trim().min(1).max(50).optional(),
  kind: z.enum(creatableKinds),
  parentId: z.number().int().positive(),
});
export type CreateUnitInput = z.infer<typeof createUnitBody>;

/** Renaming and (de)activation only: a unit never moves, since paths and scopes hang on it. */
export const updateUnitBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    shortName: z.string().trim().min(1).max(50).nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateUnitInput = z.infer<typeof updateUnitBody>;
