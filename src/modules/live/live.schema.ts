import { z } from 'zod';

export const ticketOut = z.object({
  /** Opens GET /api/live?ticket=… once; useless after expiresAt. */
  ticket: z.string(),
  expiresAt: z.string(),
});

export const liveQuery = z.object({
  ticket: z.string().min(1).max(200),
  /** The last event id seen, for a new EventSource (a reconnecting one sends Last-Event-ID). */
  lastEventId: z.coerce.number().int().min(0).optional(),
});
