import { sql, type Kysely } from 'kysely';

/**
 * Self-service Q&A (一网通答 for citizens): an article is offered on the public portal only when an
 * editor marks it public — an agent's answer may hold internal guidance, so existing articles stay
 * staff-only. `helpful_count` counts citizens who said an answer settled their question without
 * filing a report (the deflection the knowledge base earns).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table knowledge_articles add column public boolean not null default false`.execute(db);
  await sql`alter table knowledge_articles add column helpful_count integer not null default 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table knowledge_articles drop column helpful_count`.execute(db);
  await sql`alter table knowledge_articles drop column public`.execute(db);
}
