import { sql } from 'kysely';
import type { Conn, Db } from '../../platform/db/index.js';
import { deferredQuery } from '../../platform/db/pg-driver.js';
import type { NewOutboxRow, ReportTarget } from './outbox.plan.js';

/** Queues messages in the caller's transaction; a message already queued (same dedupe key) is kept. */
export async function enqueue(db: Conn, rows: readonly NewOutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.executeQuery(
    deferredQuery(
      db
        .insertInto('outbox')
        .values([...rows])
        .onConflict((oc) => oc.column('dedupe_key').doNothing()),
    ),
  );
}

/** The reports of a case (or one of them) with the callback of the channel each came through. */
export async function reportTargets(db: Conn, caseId: string, reportId?: string): Promise<ReportTarget[]> {
  let q = db
    .selectFrom('reports as r')
    .leftJoin('inbound_channels as ch', (j) =>
      j.onRef('ch.id', '=', 'r.inbound_channel_id').on('ch.active', '=', true),
    )
    .select(['r.id', 'r.reporter_email', 'r.reporter_phone', 'ch.callback_url'])
    .where('r.case_id', '=', caseId);
  if (reportId) q = q.where('r.id', '=', reportId);
  return q.orderBy('r.id').execute();
}

/** The callback URL of an active inbound channel, if it has one. */
export async function channelCallback(db: Conn, channelId: number): Promise<string | null> {
  const row = await db
    .selectFrom('inbound_channels')
    .select('callback_url')
    .where('id', '=', channelId)
    .where('active', '=', true)
    .executeTakeFirst();
  return row?.callback_url ?? null;
}

/**
 * Claims up to `limit` due messages for one delivery attempt: bumps `attempts` and pushes
 * `next_attempt_at` past the lease, in one statement, skipping rows another worker holds.
 * If this process dies mid-delivery the lease runs out and another attempt follows (at least
 * once); while the lease holds no other worker sends the same message (no doubles within an
 * attempt window). A message waits while an earlier one of the same case to the same recipient
 * is pending, so a channel mirroring the case sees its changes in order.
 */
export async function claimDue(db: Db, now: Date, leaseMs: number, limit: number) {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const { rows } = await sql<{
    id: string;
    case_id: string;
    report_id: string | null;
    action: string;
    adapter: 'webhook' | 'email' | 'sms';
    recipient: string;
    payload: { status: string; text: string | null };
    attempts: number;
    created_at: Date;
  }>`update outbox set attempts = attempts + 1, next_attempt_at = ${leaseUntil}
      where id in (select o.id from outbox o
                   where o.status = 'pending' and o.next_attempt_at <= ${now}
                     and not exists (select 1 from outbox p where p.case_id = o.case_id
                                     and p.recipient = o.recipient and p.status = 'pending' and p.seq < o.seq)
                   order by o.next_attempt_at limit ${limit} for update of o skip locked)
      returning id, case_id, report_id, action, adapter, recipient, payload, attempts, created_at`.execute(
    db,
  );
  return rows;
}
export type ClaimedMessage = Awaited<ReturnType<typeof claimDue>>[number];

/** Case numbers, external ids and channel secrets the claimed messages need, in one query. */
export async function deliveryContext(db: Conn, messages: readonly ClaimedMessage[]) {
  const reportIds = messages.flatMap((m) => (m.report_id ? [m.report_id] : []));
  const caseIds = [...new Set(messages.map((m) => m.case_id))];
  const [cases, reports] = await Promise.all([
    db.selectFrom('cases').select(['id', 'number']).where('id', 'in', caseIds).execute(),
    reportIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('reports as r')
          .leftJoin('inbound_channels as ch', 'ch.id', 'r.inbound_channel_id')
          .select(['r.id', 'r.external_id', 'ch.code as channel_code', 'ch.secret'])
          .where('r.id', 'in', reportIds)
          .execute(),
  ]);
  return {
    caseNumber: new Map(cases.map((c) => [c.id, c.number])),
    report: new Map(reports.map((r) => [r.id, r])),
  };
}

export async function markDelivered(db: Conn, id: string, at: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'delivered', delivered_at: at, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** Records a failed attempt: another one at `retryAt`, or none (`failed`) when null. */
export async function markAttemptFailed(db: Conn, id: string, error: string, retryAt: Date | null) {
  await db
    .updateTable('outbox')
    .set(
      retryAt
        ? { last_error: error.slice(0, 500), next_attempt_at: retryAt }
        : { last_error: error.slice(0, 500), status: 'failed' },
    )
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** The messages about one case, oldest first, for the case view. */
export async function listForCase(db: Conn, caseId: string) {
  return db
    .selectFrom('outbox')
    .select([
      'id',
      'report_id',
      'action',
      'adapter',
      'recipient',
      'status',
      'attempts',
      'next_attempt_at',
      'last_error',
      'created_at',
      'delivered_at',
    ])
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
}
