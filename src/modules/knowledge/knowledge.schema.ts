import { z } from 'zod';
import { categoryCode } from '../categories/categories.schema.js';

export const articleStatuses = ['draft', 'published', 'retired'] as const;

const line = (max: number) => z.string().trim().min(1).max(max);

/** The fields an administrator writes; the index is rebuilt from them on every change. */
const articleFields = {
  title: line(120),
  /** How callers ask it, one variant a line (search matches these first). */
  questions: z.array(line(200)).max(30),
  /** Words and names that point at the article (小区名、政策名、俗称). */
  keywords: z.array(line(40)).max(30),
  /** The answer the agent reads or gives, plain text. */
  answer: line(4000),
  /** The leaf or branch of the taxonomy the article answers; null for none. */
  categoryCode: categoryCode.nullable(),
  /** The unit responsible for the answer's content (org unit code); null for none. */
  ownerUnitCode: line(40).nullable(),
  /** The last day (Beijing time) the answer holds; after it search no longer offers it. */
  validUntil: z.iso.date().nullable(),
  /** Offered to citizens on the portal (self-service Q&A); false keeps it for staff only. */
  public: z.boolean(),
};

export const createArticleBody = z.strictObject({
  ...articleFields,
  questions: articleFields.questions.default([]),
  keywords: articleFields.keywords.default([]),
  categoryCode: articleFields.categoryCode.default(null),
  ownerUnitCode: articleFields.ownerUnitCode.default(null),
  validUntil: articleFields.validUntil.default(null),
  public: articleFields.public.default(false),
  /** Published at once, or kept as a draft. */
  status: z.enum(['draft', 'published']).default('draft'),
});
export type CreateArticle = z.infer<typeof createArticleBody>;

export const patchArticleBody = z.strictObject({
  /** The version read (optimistic concurrency): a stale one is refused with stale_version. */
  version: z.number().int().positive(),
  title: articleFields.title.optional(),
  questions: articleFields.questions.optional(),
  keywords: articleFields.keywords.optional(),
  answer: articleFields.answer.optional(),
  categoryCode: articleFields.categoryCode.optional(),
  ownerUnitCode: articleFields.ownerUnitCode.optional(),
  validUntil: articleFields.validUntil.optional(),
  public: articleFields.public.optional(),
  status: z.enum(articleStatuses).optional(),
});
export type PatchArticle = z.infer<typeof patchArticleBody>;

export const articleParams = z.strictObject({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

export const retireQuery = z.strictObject({
  /** The version read; a stale one is refused with stale_version. */
  version: z.coerce.number().int().positive(),
});

export const listArticlesQuery = z.strictObject({
  /** Words in the title, questions or keywords (a plain substring match, for administration). */
  q: z.string().trim().max(100).optional(),
  status: z.enum(articleStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const searchQuery = z.strictObject({
  /** What the caller said, as typed (free text; at least one Chinese character, letter or digit). */
  q: z.string().trim().min(1).max(2000),
  /** Only articles in this category or below it. */
  category: categoryCode.optional(),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

export const articleOut = z.object({
  id: z.number(),
  title: z.string(),
  questions: z.array(z.string()),
  keywords: z.array(z.string()),
  answer: z.string(),
  category: z.object({ code: z.string(), name: z.string() }).nullable(),
  ownerUnit: z.object({ code: z.string(), name: z.string() }).nullable(),
  status: z.enum(articleStatuses),
  version: z.number(),
  validUntil: z.string().nullable(),
  /** Past its validUntil: search no longer offers it. */
  expired: z.boolean(),
  public: z.boolean(),
  useCount: z.number(),
  /** Citizens who said the answer settled their question on the portal (no report filed). */
  helpfulCount: z.number(),
  lastUsedAt: z.string().nullable(),
  createdBy: z.number().nullable(),
  updatedBy: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ArticleOut = z.infer<typeof articleOut>;

export const articleListOut = z.object({ items: z.array(articleOut), total: z.number() });

export const searchHitOut = z.object({
  article: articleOut,
  /** BM25 relevance (higher is better; comparable within one answer only). */
  score: z.number(),
  /** The stretches of the caller's (normalised) words the article matched, longest first: evidence to highlight. */
  matched: z.array(z.string()),
  /** The bigrams shared with the article: mark them wherever they occur in its title and answer. */
  terms: z.array(z.string()),
});
export const searchOut = z.object({ items: z.array(searchHitOut) });

/** What a citizen types on the portal; answers come from public articles only. */
export const publicAnswersQuery = z.strictObject({
  q: z.string().trim().min(1).max(500),
  limit: z.coerce.number().int().min(1).max(5).default(3),
});

/** A public answer as the portal shows it: no owner, counts or editing fields. */
export const publicAnswerOut = z.object({
  id: z.number(),
  title: z.string(),
  answer: z.string(),
  category: z.object({ code: z.string(), name: z.string() }).nullable(),
  validUntil: z.string().nullable(),
  /** The citizen's words the answer matched (evidence to highlight). */
  matched: z.array(z.string()),
});
export const publicAnswersOut = z.object({ items: z.array(publicAnswerOut) });
