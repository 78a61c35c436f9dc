import { sql } from 'kysely';
import type { AuditHead } from '../../platform/audit.js';
import type { Conn } from '../../platform/db/index.js';
import type { CaseEventsTable, CaseRow, ReportRow } from '../../platform/db/schema.js';
import { preparedQuery } from '../../platform/db/pg-driver.js';
import type { NewOutboxRow } from '../notifications/outbox.plan.js';
import type { NewEvent } from './cases.repository.js';

/*
 * Opening a case: its number (the district, the day in China time, a sequence value) and the one
 * statement that writes a new case with its first report, timeline entry and acknowledgements,
 * intake's hot path. 拆分 numbers the case it opens from the same sequence.
 */

/** The number prefix `<district>-<yyyymmdd>-` (China time) of a case received at `now`. */
export function caseNumberPrefix(districtCode: string, now: Date): string {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `${districtCode}-${day}-`;
}

/** Every column of `cases` but the number, in the order of the opening statement's parameters. */
const openedCaseColumns = [
  'id',
  'status',
  'kind',
  'title',
  'description',
  'category_id',
  'priority',
  'area_unit_id',
  'area_path',
  'address',
  'lon',
  'lat',
  'h3_cell',
  'lead_unit_id',
  'lead_unit_path',
  'dispatch_rule_id',
  'deadline_policy_id',
  'channel',
  'created_by',
  'received_at',
  'dispatched_at',
  'accepted_at',
  'contacted_at',
  'response_due_at',
  'resolve_due_at',
  'resolved_at',
  'verified_at',
  'evaluated_at',
  'closed_at',
  'response_overdue',
  'resolve_overdue',
  'responded_in_time',
  'resolved_in_time',
  'direct_answer',
  'result_text',
  'return_count',
  'reopen_count',
  'urge_count',
  'extension_count',
  'report_count',
  'eval_count',
  'solved_count',
  'satisfied_count',
  'merged_into',
  'invalid_reason',
  'version',
  'updated_at',
] as const satisfies readonly (keyof CaseRow)[];
// Compile-time check that no column of `cases` (but the number) is left out.
const allCaseColumns: Exclude<keyof CaseRow, 'number' | (typeof openedCaseColumns)[number]> extends never
  ? true
  : never = true;
void allCaseColumns;

/** The columns an intake sets on a report; the rest (answer, evaluation) start empty. */
const openedReportColumns = [
  'id',
  'case_id',
  'original_case_id',
  'channel',
  'external_id',
  'text',
  'category_id',
  'address',
  'lon',
  'lat',
  'reporter_name',
  'reporter_phone',
  'reporter_id_number',
  'reporter_email',
  'reporter_user_id',
  'anonymous',
  'confidential',
  'created_by',
  'received_at',
  'inbound_channel_id',
] as const satisfies readonly (keyof ReportRow)[];
export type OpenedReport = Pick<ReportRow, (typeof openedReportColumns)[number]>;

const eventColumns = [
  'id',
  'case_id',
  'at',
  'action',
  'from_status',
  'to_status',
  'actor_user_id',
  'actor_unit_id',
  'reason',
  'public',
  'data',
] as const satisfies readonly (keyof CaseEventsTable)[];

/** The outbox columns intake writes (all but the identity `seq`). */
const outboxColumns = [
  'id',
  'case_id',
  'report_id',
  'event_id',
  'action',
  'adapter',
  'recipient',
  'dedupe_key',
  'payload',
  'status',
  'attempts',
  'next_attempt_at',
  'last_error',
  'created_at',
  'delivered_at',
] as const satisfies readonly (keyof NewOutboxRow)[];

const placeholders = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
const columnList = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');
const nc = openedCaseColumns.length;
const nr = openedReportColumns.length;
const ne = eventColumns.length;
const openCaseSql =
  `with "c" as (insert into "cases" (${columnList(openedCaseColumns)}, "number") ` +
  `values (${placeholders(1, nc)}, $${nc + 1} || lpad(nextval('case_number_seq')::text, 6, '0')) returning "number"), ` +
  `"r" as (insert into "reports" (${columnList(openedReportColumns)}) values (${placeholders(nc + 2, nr)})), ` +
  `"e" as (insert into "case_events" (${columnList(eventColumns)}) values (${placeholders(nc + nr + 2, ne)})), ` +
  `"o" as (insert into "outbox" (${columnList(outboxColumns)}) select ${columnList(outboxColumns)} ` +
  `from jsonb_populate_recordset(null::"outbox", $${nc + nr + ne + 3}::jsonb)) ` +
  `select (select "number" from "c") as "number", "seq", "hash" from "audit_heads" ` +
  `where "shard" = $${nc + nr + ne + 2} for update`;

/**
 * Opens a case with its first report, timeline entry and acknowledgement messages, and locks the
 * audit shard head the case's chain entry will follow, all in one statement (one round trip).
 * The number is the prefix plus a sequence value: the sequence never waits on a counter row,
 * so intake on several connections or nodes never serialises on numbering.
 *
 * The hot path of intake: the statement text is built once here (not by the query builder on
 * every call, which cost ~0.1 ms of CPU per intake) and runs as a named prepared statement, so
 * PostgreSQL parses and plans it once per connection. It writes every column explicitly,
 * which is why it takes a whole case row.
 */
export async function insertOpenedCase(
  db: Conn,
  c: Omit<CaseRow, 'number'>,
  numberPrefix: string,
  report: OpenedReport,
  event: NewEvent & { id: string },
  auditShard: number,
  /** The acknowledgements to queue (outbox rows, every column given). */
  outbox: readonly NewOutboxRow[],
): Promise<{ number: string; head: AuditHead }> {
  const params: unknown[] = openedCaseColumns.map((k) => c[k]);
  params.push(numberPrefix);
  for (const k of openedReportColumns) params.push(report[k]);
  params.push(
    event.id,
    event.case_id,
    event.at,
    event.action,
    event.from_status ?? null,
    event.to_status ?? null,
    event.actor_user_id ?? null,
    event.actor_unit_id ?? null,
    event.reason ?? null,
    event.public ?? false,
    JSON.stringify(event.data ?? {}),
    auditShard,
    JSON.stringify(outbox.map((row) => ({ ...row, payload: JSON.parse(row.payload) as unknown }))),
  );
  const { rows } = await db.executeQuery<{ number: string; seq: number; hash: string }>(
    preparedQuery('intake_open_case', openCaseSql, params),
  );
  const row = rows[0];
  if (!row) throw new Error(`no audit head for shard ${auditShard}`);
  return { number: row.number, head: { shard: auditShard, seq: Number(row.seq), hash: row.hash } };
}

/**
 * Opens a case whose report already exists (拆分: a report leaves the case it was merged into);
 * the number comes from the same sequence as intake's. Returns the row.
 */
export async function insertCaseWithNumber(
  db: Conn,
  c: Omit<CaseRow, 'number'>,
  numberPrefix: string,
): Promise<CaseRow> {
  return db
    .insertInto('cases')
    .values({ ...c, number: sql<string>`${numberPrefix} || lpad(nextval('case_number_seq')::text, 6, '0')` })
    .returningAll()
    .executeTakeFirstOrThrow();
}
