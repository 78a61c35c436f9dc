import type { ArticleView } from './knowledge.repository.js';
import type { ArticleOut } from './knowledge.schema.js';

const BEIJING_MS = 8 * 3600_000;

/** The last moment of a Beijing calendar day: an answer valid "until 2026-03-15" holds all that day. */
export function endOfBeijingDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}

/** The Beijing calendar day of an instant (YYYY-MM-DD). */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 10);
}

export function presentArticle(row: ArticleView, now = new Date()): ArticleOut {
  return {
    id: row.id,
    title: row.title,
    questions: row.questions,
    keywords: row.keywords,
    answer: row.answer,
    category: row.category_code ? { code: row.category_code, name: row.category_name ?? '' } : null,
    ownerUnit: row.unit_code ? { code: row.unit_code, name: row.unit_name ?? '' } : null,
    status: row.status,
    version: row.version,
    validUntil: row.valid_until ? beijingDay(row.valid_until) : null,
    expired: row.valid_until !== null && row.valid_until <= now,
    public: row.public,
    useCount: row.use_count,
    helpfulCount: row.helpful_count,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
