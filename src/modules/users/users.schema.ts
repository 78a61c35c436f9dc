import { z } from 'zod';
import { roles } from '../../platform/auth.js';

/** The unit a user belongs to, as shown with the user. */
export const userUnitOut = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  /** The user's data scope is every unit whose path starts with this. */
  path: z.string(),
});

/** A user account; the password hash never leaves the server. */
export const userOut = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  /** Null for citizens. */
  unit: userUnitOut.nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type UserOut = z.infer<typeof userOut>;

/** Login names are compared in lower case. */
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{2,39}$/, 'username: 3–40 letters, digits, _ . -');
/** At least 8 characters; scrypt takes the rest. */
const password = z.string().min(8).max(128);
const phone = z.string().regex(/^\+?[0-9-]{5,20}$/, 'phone must be digits');

export const createUserBody = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(50),
  password,
  role: z.enum(roles),
  /** Required for every role but citizen; must lie in the administrator's subtree. */
  unitId: z.number().int().positive().optional(),
  phone: phone.optional(),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .strictObject({
    displayName: z.string().trim().min(1).max(50).optional(),
    /** Setting a new password logs the user out everywhere. */
    password: password.optional(),
    role: z.enum(roles).optional(),
    unitId: z.number().int().positive().nullable().optional(),
    phone: phone.nullable().optional(),
    /** false deactivates the account: it can no longer log in and its sessions end. */
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const userListQuery = z.object({
  /** Users of this unit and every unit below it. */
  unitId: z.coerce.number().int().positive().optional(),
  role: z.enum(roles).optional(),
  /** Substring of the username or display name. */
  q: z.string().trim().min(1).max(50).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const userListOut = z.object({ items: z.array(userOut), total: z.number().int() });

export const userIdParams = z.object({ id: z.coerce.number().int().positive() });
