import { sql, type Kysely } from 'kysely';

/**
 * BM25's corpus figures (how many articles search may offer, their summed length), kept on write
 * so a search reads a few rows instead of counting the knowledge base.
 *
 * One row per (expiry, category) of published articles, with their count and summed doc_length.
 * An article's expiry is part of the key ('infinity' for none), so what "live at t" means —
 * published and valid_until > t — is a sum over the rows whose valid_until > t: an article drops out
 * of the figures at its expiry with no job to run. Written by the article's own transaction
 * (knowledge.corpus.ts), so every process sharing the database reads the same committed figures.
 * The table grows with categories × distinct expiry days (expiries are the end of a Beijing day),
 * not with articles; a row goes when its count reaches zero.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table knowledge_corpus (
    valid_until timestamptz not null,
    category_id integer references categories(id),
    docs integer not null check (docs >= 0),
    length_sum double precision not null,
    constraint knowledge_corpus_key unique nulls not distinct (valid_until, category_id)
  )`.execute(db);
  await sql`insert into knowledge_corpus (valid_until, category_id, docs, length_sum)
    select coalesce(valid_until, 'infinity'), category_id, count(*), sum(doc_length)
    from knowledge_articles where status = 'published'
    group by 1, 2`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table knowledge_corpus`.execute(db);
}
