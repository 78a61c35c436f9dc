import { sql, type Kysely } from 'kysely';

/**
 * 一网通答 · 知识库: policy and FAQ answers agents give at intake (直接办结) and, later, self-service
 * Q&A. An article carries the ways callers ask (questions, keywords), the answer, optionally the
 * category it answers and the unit that owns it, a status (draft → published → retired), a version
 * for optimistic concurrency (as cases), an expiry (policy answers go stale) and a use count.
 *
 * `knowledge_terms` is the search index: one row per (character bigram, article) with its weighted
 * field frequency; the primary key (term, article_id) makes a query's lookup an index scan over the
 * postings of its own bigrams, whatever the number of articles.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table knowledge_articles (
    id integer generated always as identity primary key,
    title text not null,
    questions text[] not null default '{}',
    keywords text[] not null default '{}',
    answer text not null,
    category_id integer references categories(id),
    owner_unit_id integer references org_units(id),
    status text not null default 'draft' check (status in ('draft', 'published', 'retired')),
    version integer not null default 1,
    valid_until timestamptz,
    use_count integer not null default 0,
    last_used_at timestamptz,
    doc_length real not null default 0,
    created_by integer references users(id),
    updated_by integer references users(id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index knowledge_articles_status on knowledge_articles(status, updated_at desc)`.execute(
    db,
  );
  await sql`create table knowledge_terms (
    term text not null,
    article_id integer not null references knowledge_articles(id) on delete cascade,
    tf real not null,
    primary key (term, article_id)
  )`.execute(db);
  await sql`create index knowledge_terms_article on knowledge_terms(article_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table knowledge_terms`.execute(db);
  await sql`drop table knowledge_articles`.execute(db);
}
