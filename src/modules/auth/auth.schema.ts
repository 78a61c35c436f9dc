import { z } from 'zod';
import { userUnitOut } from '../users/users.schema.js';

export const loginBody = z.strictObject({
  /** Compared in lower case. Not pattern-checked, so malformed and unknown names fail alike. */
  username: z.string().trim().toLowerCase().min(1).max(100),
  password: z.string().min(1).max(200),
});

/** Who is logged in: enough for the console to pick screens and scope. */
export const sessionUserOut = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  /** Null for citizens. */
  unit: userUnitOut.nullable(),
});
export type SessionUser = z.infer<typeof sessionUserOut>;

export const loginOut = z.object({
  /** Bearer token for the Authorization header; only its hash is stored. */
  token: z.string(),
  expiresAt: z.string(),
  user: sessionUserOut,
});

export const meOut = z.object({ user: sessionUserOut });
