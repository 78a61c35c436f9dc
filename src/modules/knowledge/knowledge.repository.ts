import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Conn } from '../../platform/db/index.js';
import type { KnowledgeArticlesTable } from '../../platform/db/schema.js';
import type { Posting } from './knowledge.text.js';

export type ArticleRow = Selectable<KnowledgeArticlesTable>;
/** An article with the codes and names of its category and owning unit. */
export type ArticleView = ArticleRow & {
  category_code: string | null;
  category_name: string | null;
  unit_code: string | null;
  unit_name: string | null;
};

function viewQuery(db: Conn) {
  return db
    .selectFrom('knowledge_articles as a')
    .leftJoin('categories as c', 'c.id', 'a.category_id')
    .leftJoin('org_units as o', 'o.id', 'a.owner_unit_id')
    .selectAll('a')
    .select([
      'c.code as category_code',
      'c.name as category_name',
      'o.code as unit_code',
      'o.name as unit_name',
    ]);
}

export async function findArticleViews(db: Conn, ids: readonly number[]): Promise<ArticleView[]> {
  if (ids.length === 0) return [];
  return viewQuery(db).where('a.id', 'in', ids).execute();
}

/** Newest change first; `q` is a substring of the title, a question or a keyword. */
export async function listArticleViews(
  db: Conn,
  filter: { q?: string | undefined; status?: string | undefined; limit: number; offset: number },
): Promise<{ rows: ArticleView[]; total: number }> {
  let q = viewQuery(db);
  let count = db.selectFrom('knowledge_articles as a').select((eb) => eb.fn.countAll<string>().as('n'));
  if (filter.status) {
    q = q.where('a.status', '=', filter.status as ArticleRow['status']);
    count = count.where('a.status', '=', filter.status as ArticleRow['status']);
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const text = sql<string>`a.title || ' ' || array_to_string(a.questions, ' ') || ' ' || array_to_string(a.keywords, ' ')`;
    q = q.where(text, 'ilike', like);
    count = count.where(text, 'ilike', like);
  }
  const [rows, total] = await Promise.all([
    q
      .orderBy('a.updated_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Locks one article for a change (the version check and the write happen under the lock). */
export async function lockArticle(db: Conn, id: number): Promise<ArticleRow | undefined> {
  return db.selectFrom('knowledge_articles').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertArticle(db: Conn, row: Insertable<KnowledgeArticlesTable>): Promise<ArticleRow> {
  return db.insertInto('knowledge_articles').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateArticle(
  db: Conn,
  id: number,
  set: Updateable<KnowledgeArticlesTable>,
): Promise<ArticleRow> {
  return db
    .updateTable('knowledge_articles')
    .set(set)
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Replaces an article's index rows. */
export async function replaceTerms(db: Conn, articleId: number, terms: ReadonlyMap<string, number>) {
  await db.deleteFrom('knowledge_terms').where('article_id', '=', articleId).execute();
  if (terms.size === 0) return;
  await sql`insert into knowledge_terms (term, article_id, tf)
    select t, ${articleId}, f from unnest(${[...terms.keys()]}::text[], ${[...terms.values()]}::real[]) as u(t, f)`.execute(
    db,
  );
}

/** Only articles search may offer: published and not past their validity (and public, for citizens). */
function live(db: Conn, at: Date, categoryCode: string | undefined, publicOnly = false) {
  let q = db
    .selectFrom('knowledge_articles as a')
    .where('a.status', '=', 'published')
    .where((eb) => eb.or([eb('a.valid_until', 'is', null), eb('a.valid_until', '>', at)]));
  if (publicOnly) q = q.where('a.public', '=', true);
  if (categoryCode) {
    q = q
      .innerJoin('categories as c', 'c.id', 'a.category_id')
      .where((eb) => eb.or([eb('c.code', '=', categoryCode), eb('c.code', 'like', `${categoryCode}-%`)]));
  }
  return q;
}

/** The postings of a query's bigrams in live articles (an index scan per bigram on the primary key). */
export async function findPostings(
  db: Conn,
  terms: readonly string[],
  at: Date,
  categoryCode?: string,
  publicOnly = false,
): Promise<Array<Posting & { length: number; uses: number }>> {
  if (terms.length === 0) return [];
  const rows = await live(db, at, categoryCode, publicOnly)
    .innerJoin('knowledge_terms as t', 't.article_id', 'a.id')
    .where('t.term', '=', sql<string>`any(${[...terms]}::text[])`)
    .select(['t.article_id', 't.term', 't.tf', 'a.doc_length', 'a.use_count'])
    .execute();
  return rows.map((r) => ({
    articleId: r.article_id,
    term: r.term,
    tf: r.tf,
    length: r.doc_length,
    uses: r.use_count,
  }));
}

/** One more use of an article (an agent answered with it); undefined when there is no such article. */
export async function countUse(db: Conn, id: number, at: Date): Promise<ArticleRow | undefined> {
  return db
    .updateTable('knowledge_articles')
    .set((eb) => ({ use_count: eb('use_count', '+', 1), last_used_at: at }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/**
 * One more citizen for whom a public answer settled the question; undefined unless the article is
 * one the portal offers now (public, published, unexpired).
 */
export async function countHelpful(db: Conn, id: number, at: Date): Promise<{ id: number } | undefined> {
  return db
    .updateTable('knowledge_articles')
    .set((eb) => ({ helpful_count: eb('helpful_count', '+', 1) }))
    .where('id', 'in', live(db, at, undefined, true).where('a.id', '=', id).select('a.id'))
    .returning('id')
    .executeTakeFirst();
}
