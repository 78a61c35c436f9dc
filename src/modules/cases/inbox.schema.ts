import { z } from 'zod';
import { caseViewOut, unitWorkOut } from './cases.out.js';

export const inboxItemOut = unitWorkOut.extend({
  case: caseViewOut,
  bucket: z.enum(['to_accept', 'in_progress', 'sent_back', 'co_handling']),
  /** The assignment the user's unit (or a unit below it) holds. */
  assignment: z.object({
    id: z.string(),
    role: z.enum(['lead', 'co']),
    status: z.enum(['pending', 'accepted']),
    unit: z.object({ id: z.number(), name: z.string() }),
    assignedAt: z.string(),
  }),
  /** Why the case came back to the unit: 重办 (reopen) or 核查不通过 (verify_failed). */
  sentBack: z
    .object({ action: z.enum(['reopen', 'verify_failed']), reason: z.string().nullable(), at: z.string() })
    .nullable(),
});

export const inboxOut = z.object({
  /** Most urgent first: the nearest open deadline (overdue ones first), then priority. */
  items: z.array(inboxItemOut),
  counts: z.object({
    to_accept: z.number(),
    in_progress: z.number(),
    sent_back: z.number(),
    co_handling: z.number(),
  }),
  /** More open work than one answer carries (INBOX_LIMIT); the most urgent come first. */
  truncated: z.boolean(),
});
