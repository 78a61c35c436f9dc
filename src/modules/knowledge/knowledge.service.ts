import type { Actor } from '../../platform/auth.js';
import { appendAudit } from '../../platform/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { findCategoryByCode } from '../categories/index.js';
import { findUnitByCode } from '../org/index.js';
import { corpusShare, moveCorpusShare } from './knowledge.corpus.js';
import { beijingDay, endOfBeijingDay } from './knowledge.presenter.js';
import * as repo from './knowledge.repository.js';
import type { CreateArticle, PatchArticle } from './knowledge.schema.js';
import { articleTerms } from './knowledge.text.js';

const ENTITY = 'knowledge_article';

async function categoryId(db: Conn, code: string | null): Promise<number | null> {
  if (code === null) return null;
  const c = await findCategoryByCode(db, code);
  if (!c || !c.active)
    throw new DomainError('unknown_category', `no category ${code}`, { field: 'categoryCode' });
  return c.id;
}

async function unitId(db: Conn, code: string | null): Promise<number | null> {
  if (code === null) return null;
  const u = await findUnitByCode(db, code);
  if (!u || !u.active) throw new DomainError('unknown_unit', `no unit ${code}`, { field: 'ownerUnitCode' });
  return u.id;
}

/** What the audit keeps of an article: its content and state, not the index. */
function auditView(row: repo.ArticleRow) {
  return {
    title: row.title,
    questions: row.questions,
    keywords: row.keywords,
    answer: row.answer,
    categoryId: row.category_id,
    ownerUnitId: row.owner_unit_id,
    status: row.status,
    version: row.version,
    validUntil: row.valid_until ? beijingDay(row.valid_until) : null,
    public: row.public,
  };
}

async function view(db: Conn, id: number): Promise<repo.ArticleView> {
  const [v] = await repo.findArticleViews(db, [id]);
  if (!v) throw new DomainError('article_not_found', `no knowledge article ${id}`);
  return v;
}

/** A new article, indexed (postings and corpus figures) and audited in one transaction (`actorId` null: the system, e.g. the demo seed). */
export async function createArticle(ctx: AppContext, actorId: number | null, input: CreateArticle) {
  return ctx.db.transaction().execute(async (tx) => {
    const { terms, length } = articleTerms(input);
    const now = new Date();
    const row = await repo.insertArticle(tx, {
      title: input.title,
      questions: input.questions,
      keywords: input.keywords,
      answer: input.answer,
      category_id: await categoryId(tx, input.categoryCode),
      owner_unit_id: await unitId(tx, input.ownerUnitCode),
      status: input.status,
      public: input.public,
      valid_until: input.validUntil ? endOfBeijingDay(input.validUntil) : null,
      doc_length: length,
      created_by: actorId,
      updated_by: actorId,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceTerms(tx, row.id, terms);
    await moveCorpusShare(tx, null, corpusShare(row));
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actorId,
      action: 'knowledge.create',
      entity: ENTITY,
      entityId: String(row.id),
      before: null,
      after: auditView(row),
    });
    return view(tx, row.id);
  });
}

/**
 * Edits an article at the version the editor read (stale_version otherwise, with the current one):
 * content, links, validity or status (publish, back to draft, retire). The index follows the text,
 * BM25's corpus figures follow the status, category, validity and length.
 */
export async function updateArticle(ctx: AppContext, actor: Actor, id: number, patch: PatchArticle) {
  return ctx.db.transaction().execute(async (tx) => {
    const before = await repo.lockArticle(tx, id);
    if (!before) throw new DomainError('article_not_found', `no knowledge article ${id}`);
    if (before.version !== patch.version) {
      throw new DomainError('stale_version', `article changed since version ${patch.version}`, {
        current: before.version,
      });
    }
    const text = {
      title: patch.title ?? before.title,
      questions: patch.questions ?? before.questions,
      keywords: patch.keywords ?? before.keywords,
      answer: patch.answer ?? before.answer,
    };
    const { terms, length } = articleTerms(text);
    const after = await repo.updateArticle(tx, id, {
      ...text,
      ...(patch.categoryCode !== undefined ? { category_id: await categoryId(tx, patch.categoryCode) } : {}),
      ...(patch.ownerUnitCode !== undefined ? { owner_unit_id: await unitId(tx, patch.ownerUnitCode) } : {}),
      ...(patch.validUntil !== undefined
        ? { valid_until: patch.validUntil ? endOfBeijingDay(patch.validUntil) : null }
        : {}),
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.public !== undefined ? { public: patch.public } : {}),
      doc_length: length,
      updated_by: actor.id,
      updated_at: new Date(),
    });
    await repo.replaceTerms(tx, id, terms);
    await moveCorpusShare(tx, corpusShare(before), corpusShare(after));
    await appendAudit(tx, ctx.config.AUDIT_SECRET, {
      actorUserId: actor.id,
      action: auditAction(before.status, after.status),
      entity: ENTITY,
      entityId: String(id),
      before: auditView(before),
      after: auditView(after),
    });
    return view(tx, id);
  });
}

/** The audit action of a change: a status change names itself, anything else is an update. */
function auditAction(before: repo.ArticleRow['status'], after: repo.ArticleRow['status']): string {
  if (after === before) return 'knowledge.update';
  if (after === 'published') return 'knowledge.publish';
  return after === 'retired' ? 'knowledge.retire' : 'knowledge.unpublish';
}

/** One article (any status), for editing. */
export async function getArticle(db: Conn, id: number) {
  return view(db, id);
}

export { listArticleViews as listArticles } from './knowledge.repository.js';

/**
 * Counts one use of an article: an agent answered a consultation with it (直接办结), in the
 * answer's transaction. Popular answers rank higher in search.
 */
export async function recordArticleUse(db: Conn, id: number, at: Date): Promise<void> {
  const row = await repo.countUse(db, id, at);
  if (!row) throw new DomainError('article_not_found', `no knowledge article ${id}`, { field: 'articleId' });
}

/**
 * A citizen said a public answer settled the question (and filed nothing): counted on the article.
 * 404 article_not_found unless the portal offers that article now.
 */
export async function recordHelpful(db: Conn, id: number, at = new Date()): Promise<void> {
  if (!(await repo.countHelpful(db, id, at))) {
    throw new DomainError('article_not_found', `no public knowledge article ${id}`);
  }
}
