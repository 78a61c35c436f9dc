import { sql } from 'kysely';
import { actorQuery, toActor, type Actor } from '../../platform/auth.js';
import type { Conn } from '../../platform/db/index.js';

/** One timeline entry with the case fields the feed shows and the paths its scope check needs. */
export interface LiveEventRow {
  seq: number;
  at: Date;
  action: string;
  from_status: string | null;
  to_status: string | null;
  case_id: string;
  number: string;
  title: string;
  status: string;
  area_path: string | null;
  lead_unit_path: string | null;
  category_name: string | null;
  area_name: string | null;
  lead_unit_name: string | null;
}

/**
 * Timeline entries numbered above `after`, plus the numbers in `also` (entries of transactions that
 * committed late, see live.hub.ts), oldest first, at most `limit`.
 */
export async function findEventsAfter(
  db: Conn,
  after: number,
  also: readonly number[],
  limit: number,
): Promise<LiveEventRow[]> {
  const late = also.length > 0 ? sql`or e.seq = any(${[...also]}::bigint[])` : sql``;
  const { rows } = await sql<LiveEventRow>`
    select e.seq, e.at, e.action, e.from_status, e.to_status, e.case_id,
      c.number, c.title, c.status, c.area_path, c.lead_unit_path,
      k.name as category_name, a.name as area_name, l.name as lead_unit_name
    from case_events e
      join cases c on c.id = e.case_id
      left join categories k on k.id = c.category_id
      left join org_units a on a.id = c.area_unit_id
      left join org_units l on l.id = c.lead_unit_id
    where e.seq > ${after} ${late}
    order by e.seq
    limit ${limit}`.execute(db);
  return rows.map((r) => ({ ...r, seq: Number(r.seq), at: new Date(r.at) }));
}

/** The highest timeline number so far (0 on an empty table). */
export async function maxEventSeq(db: Conn): Promise<number> {
  const { rows } = await sql<{ max: number | null }>`select max(seq) as max from case_events`.execute(db);
  return Number(rows[0]?.max ?? 0);
}

/** The actor of a live session by the stored hash of its token, or null when it ended or expired. */
export async function actorForSessionHash(db: Conn, tokenHash: string): Promise<Actor | null> {
  const row = await actorQuery(db)
    .innerJoin('sessions as s', 's.user_id', 'u.id')
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', new Date())
    .executeTakeFirst();
  return toActor(row);
}
