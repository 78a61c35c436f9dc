import { sql } from 'kysely';
import type { Conn } from '../../platform/db/index.js';

export interface OverrideRow {
  day: string;
  is_workday: boolean;
  note: string | null;
  /** A Date at run time; typed loosely because the schema's Generated<Timestamp> is not unwrapped. */
  created_at: unknown;
}

// `date` columns are read as text so neither driver turns them into local-time Date objects.
const overrideColumns = [
  sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'),
  'is_workday',
  'note',
  'created_at',
] as const;

/** Every override, optionally limited to [from, to], in day order. */
export async function listOverrides(db: Conn, from?: string, to?: string): Promise<OverrideRow[]> {
  let query = db.selectFrom('calendar_overrides').select(overrideColumns).orderBy('calendar_overrides.day');
  if (from) query = query.where('calendar_overrides.day', '>=', from);
  if (to) query = query.where('calendar_overrides.day', '<=', to);
  return query.execute();
}

/** One override, or undefined. */
export async function findOverride(db: Conn, day: string): Promise<OverrideRow | undefined> {
  return db
    .selectFrom('calendar_overrides')
    .select(overrideColumns)
    .where('calendar_overrides.day', '=', day)
    .executeTakeFirst();
}

/** Inserts or replaces the override of one day. */
export async function upsertOverride(
  db: Conn,
  row: { day: string; isWorkday: boolean; note: string | null },
): Promise<OverrideRow> {
  return db
    .insertInto('calendar_overrides')
    .values({ day: row.day, is_workday: row.isWorkday, note: row.note })
    .onConflict((oc) =>
      oc.column('day').doUpdateSet({ is_workday: row.isWorkday, note: row.note, created_at: new Date() }),
    )
    .returning(overrideColumns)
    .executeTakeFirstOrThrow();
}

/** Removes one day's override; true when there was one. */
export async function deleteOverride(db: Conn, day: string): Promise<boolean> {
  const result = await db.deleteFrom('calendar_overrides').where('day', '=', day).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
