import { z } from 'zod';

export const similarParams = z.strictObject({
  id: z.string().trim().min(1).max(64).describe('case id (uuid) or case number'),
});

export const rejectParams = z.strictObject({
  id: z.string().trim().min(1).max(64).describe('case id (uuid) or case number'),
  candidateId: z.string().trim().min(1).max(64).describe('the proposed case, id or number'),
});

export const rejectBody = z
  .strictObject({
    /** Why the two cases are not the same problem (kept on the timeline and in the audit). */
    reason: z.string().trim().min(1).max(1000).optional(),
  })
  .nullish();

/** Evidence of one proposal (see similar.score.ts for how each part counts). */
export const evidenceSchema = z.object({
  textSimilarity: z.number(),
  sharedPhrases: z.array(z.string()),
  /** Rare place or institution names both contain; the place part when there are no coordinates. */
  sharedNames: z.array(z.string()),
  metresApart: z.number().nullable(),
  hoursApart: z.number(),
  sameCategory: z.boolean().nullable(),
  sameArea: z.boolean().nullable(),
});
