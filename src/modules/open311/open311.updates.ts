import type { AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { recordCitizenUpdate } from '../cases/citizen-update.service.js';
import { maskEmail, maskName } from '../cases/cases.presenter.js';
import { reporterSchema } from '../cases/cases.schema.js';
import { actorForApiKey } from './open311.clients.js';
import { readFields, type FormPairs } from './open311.post.js';
import { scrubNumbers, w3cDate } from './open311.presenter.js';
import type { RequestsQuery } from './open311.schema.js';
import { checkJurisdiction, MAX_RECORDS, requestWindow } from './open311.service.js';

/**
 * Our case status → FixMyStreet's extended Open311 status (perllib/Open311.pm). FMS turns these
 * into its own states (open → confirmed, fixed → fixed - council, …), so the choice decides what
 * the citizen sees there:
 * - received (受理, not yet routed) → OPEN
 * - dispatched (派单) and returned (退单: back to the centre to be routed again — the district
 *   still owns it, so not NOT_COUNCILS_RESPONSIBILITY) → INVESTIGATING
 * - accepted (签收: a unit has taken it on and will act) → ACTION_SCHEDULED
 * - in_progress (the unit has contacted the citizen and works on it) → IN_PROGRESS
 * - resolved, verified, evaluated, closed (办结 … 结案) → FIXED; CLOSED when the case was a
 *   direct answer (咨询 answered at intake: nothing was fixed)
 * - invalid (不予受理: outside the hotline's remit or not a real request) → NOT_COUNCILS_RESPONSIBILITY
 * - merged (并案 into another case about the same problem) → DUPLICATE
 * Our own status travels alongside as `external_status_code`.
 */
export function fmsStatus(status: string, directAnswer: boolean): string {
  switch (status) {
    case 'received':
      return 'OPEN';
    case 'dispatched':
    case 'returned':
      return 'INVESTIGATING';
    case 'accepted':
      return 'ACTION_SCHEDULED';
    case 'in_progress':
      return 'IN_PROGRESS';
    case 'resolved':
    case 'verified':
    case 'evaluated':
    case 'closed':
      return directAnswer ? 'CLOSED' : 'FIXED';
    case 'invalid':
      return 'NOT_COUNCILS_RESPONSIBILITY';
    case 'merged':
      return 'DUPLICATE';
    default:
      return 'OPEN';
  }
}

type UpdateRow = Awaited<ReturnType<typeof listPublicEvents>>[number];

/**
 * Public timeline entries as the public may read them, oldest first (clients apply them in
 * order). `received` is left out: it is the request itself, which GET requests serves.
 */
async function listPublicEvents(db: Conn, from: Date, to: Date, limit: number, offset: number) {
  return db
    .selectFrom('case_events as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['e.id', 'e.at', 'e.action', 'e.to_status', 'e.reason', 'e.data', 'c.number', 'c.direct_answer'])
    .where('e.public', '=', true)
    .where('e.action', '<>', 'received')
    .where('e.at', '>=', from)
    .where('e.at', '<=', to)
    .orderBy('e.at')
    .orderBy('e.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

function dataOf(row: UpdateRow): Record<string, unknown> {
  const data: unknown = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * What the public may read about one timeline entry: a fixed sentence per action plus the
 * citizen-facing text of it (result, answer, refusal reason, the citizen's own words), with
 * phone and ID numbers blanked. Never the staff's internal reasons or who did it.
 */
function describe(row: UpdateRow, data: Record<string, unknown>): string {
  switch (row.action) {
    case 'report_merged':
      return '又有市民反映同一问题，已合并办理';
    case 'dispatch':
      return '已派单至承办单位办理';
    case 'accept':
      return '承办单位已签收，将尽快处理';
    case 'resolve':
      return `已办结：${text(data.result)}`;
    case 'answer':
      return `已答复：${text(data.answer)}`;
    case 'evaluate':
      return '市民已评价';
    case 'reopen':
      return '已重新派单办理';
    case 'close':
      return '已结案';
    case 'invalidate':
      return `不予受理：${row.reason ?? ''}`;
    case 'merge':
      return `与同一问题合并办理，见工单 ${text(data.into)}`;
    case 'citizen_update':
      return text(data.text);
    default:
      return '';
  }
}

function presentUpdate(row: UpdateRow) {
  const data = dataOf(row);
  const media = Array.isArray(data.mediaUrls) ? text(data.mediaUrls[0]) : '';
  return {
    update_id: row.id,
    service_request_id: row.number,
    status: fmsStatus(row.to_status ?? 'received', row.direct_answer),
    updated_datetime: w3cDate(row.at),
    description: scrubNumbers(describe(row, data)) ?? '',
    media_url: media,
    external_status_code: row.to_status ?? '',
  };
}
export type RequestUpdate = ReturnType<typeof presentUpdate>;

/**
 * GET servicerequestupdates: the public timeline of every case in a window (the same 90-day
 * default and cap as GET requests), oldest first, at most 1,000 per page.
 */
export async function listUpdates(
  db: Conn,
  q: Pick<RequestsQuery, 'start_date' | 'end_date' | 'page' | 'page_size'>,
  now: Date,
): Promise<RequestUpdate[]> {
  const { from, to } = requestWindow(q, now);
  const limit = q.page_size ?? MAX_RECORDS;
  const offset = ((q.page ?? 1) - 1) * limit;
  return (await listPublicEvents(db, from, to, limit, offset)).map(presentUpdate);
}

const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_DESCRIPTION = 4000;

function bad(message: string): never {
  throw new DomainError('validation_failed', message);
}

/** The POST's fields, checked before anything is read or written. */
function readUpdate(f: ReturnType<typeof readFields>) {
  const number = f.get('service_request_id');
  if (!number) bad('service_request_id is required');
  if (number.length > 64) throw new DomainError('not_found', `no service request ${number.slice(0, 64)}`);
  const updateId = f.get('update_id');
  if (updateId && updateId.length > 100) bad('update_id is at most 100 characters');
  const updatedAt = f.get('updated_datetime');
  if (updatedAt && (!W3C_DATETIME.test(updatedAt) || Number.isNaN(Date.parse(updatedAt)))) {
    bad('updated_datetime must be a W3C datetime with a zone');
  }
  const status = f.get('status');
  if (status && !/^[A-Za-z_ ]{1,40}$/.test(status)) bad('status is an Open311 status such as OPEN or CLOSED');
  const description = f.get('description') ?? '';
  if (description.length > MAX_DESCRIPTION) bad(`description is at most ${MAX_DESCRIPTION} characters`);
  const email = f.get('email');
  if (email && !reporterSchema.safeParse({ email }).success) bad('email must be a valid address');
  const accountId = f.get('account_id');
  if (accountId && accountId.length > 300) bad('account_id is at most 300 characters');
  const name = [f.get('first_name'), f.get('last_name')].filter((n) => n && n !== '-').join(' ');
  return {
    number,
    update: {
      channel: 'open311',
      externalId: updateId,
      text: description,
      claimedStatus: status?.toUpperCase().replaceAll(' ', '_'),
      claimedAt: updatedAt,
      // Masked as staff without PII rights see a reporter: the full contact stays with the report.
      author: {
        name: maskName(name.slice(0, 50) || null) ?? undefined,
        email: maskEmail(email ?? null) ?? undefined,
        accountId,
      },
      mediaUrls: f.mediaUrls,
    },
  };
}

/**
 * POST servicerequestupdates: a citizen's update on a request this API key filed, recorded on
 * the case's public timeline through the cases module (status unchanged). Order of checks: key
 * (403), jurisdiction (404), fields (400), request (404), ownership (403), then `checkUploads`.
 * Returns our update id; a redelivery with the same update_id returns the first one's.
 */
export async function postUpdate(ctx: AppContext, pairs: FormPairs, checkUploads: () => void = () => {}) {
  const f = readFields(pairs);
  const actor = await actorForApiKey(ctx.db, f.get('api_key'));
  checkJurisdiction(ctx, f.get('jurisdiction_id'));
  const { number, update } = readUpdate(f);
  const result = await ctx.db.transaction().execute(async (tx) => {
    const own = await tx
      .selectFrom('reports as r')
      .innerJoin('cases as c', (j) =>
        j.on((eb) =>
          eb.or([eb('c.id', '=', eb.ref('r.case_id')), eb('c.id', '=', eb.ref('r.original_case_id'))]),
        ),
      )
      .select('c.id')
      .where('c.number', '=', number)
      .where('r.created_by', '=', actor.id)
      .executeTakeFirst();
    if (!own) {
      const exists = await tx
        .selectFrom('cases')
        .select('id')
        .where('number', '=', number)
        .executeTakeFirst();
      if (!exists) throw new DomainError('not_found', `no service request ${number}`);
      throw new DomainError('forbidden', `service request ${number} was not filed with this api_key`);
    }
    checkUploads();
    return recordCitizenUpdate(ctx, tx, actor, own.id, update);
  });
  return { actor, number, ...result };
}
