import { toActor } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { caseDeps } from '../cases/cases.deps.impl.js';
import type { IntakeInput } from '../cases/cases.schema.js';
import { intake } from '../cases/intake.service.js';
import { mapPayload } from './channels.mapping.js';
import { parseJson } from './channels.presenter.js';
import { findChannelForDelivery } from './channels.repository.js';
import { fieldMappingSchema } from './channels.schema.js';
import { verify } from './signature.js';

/** The unmapped rest of a payload is kept with the intake event up to this size (JSON bytes). */
const MAX_REMAINDER_BYTES = 16 * 1024;

export interface DeliveryHeaders {
  timestamp: string | string[] | undefined;
  signature: string | string[] | undefined;
}

function parsePayload(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (err) {
    throw new DomainError('malformed_json', `body is not JSON: ${(err as Error).message}`);
  }
}

/** The remainder as kept: itself when small, else only its size. */
function bounded(remainder: unknown): unknown {
  const size = Buffer.byteLength(JSON.stringify(remainder) ?? '');
  return size <= MAX_REMAINDER_BYTES ? remainder : { truncated: true, bytes: size };
}

/**
 * Runs a transaction that files a report with an external id, once more if it lost a race: two
 * concurrent deliveries of one id meet on the unique external id, and the loser, run again, finds
 * the winner's report — the sender sees a duplicate, not an error.
 */
export async function retryOnDuplicate<T>(run: () => Promise<T>): Promise<T> {
  return run().catch((err: unknown) => {
    if ((err as { code?: unknown } | null)?.code === '23505') return run();
    throw err;
  });
}

/**
 * One webhook delivery: the channel must exist and be active (404 `not_found` otherwise, saying
 * nothing more), the signature must match the exact bytes received and be fresh (401), the
 * payload must map onto a report (400). Then intake() files it as the channel's service user in
 * one transaction; a redelivery of the same external id returns the first report.
 */
export async function receiveDelivery(ctx: AppContext, code: string, headers: DeliveryHeaders, body: Buffer) {
  const row = await findChannelForDelivery(ctx.db, code);
  const actor = row?.channel_active ? toActor(row) : null;
  if (!row || !actor) throw new DomainError('not_found', `no channel ${code}`);
  const channel = { id: row.channel_id, code: row.channel_code, kind: row.channel_kind };
  verify(row.channel_secret, headers, body);
  const mapping = fieldMappingSchema.parse(parseJson(row.channel_mapping));
  const mapped = mapPayload(
    mapping,
    channel.code,
    channel.kind as IntakeInput['channel'],
    parsePayload(body),
  );
  const channelData = {
    inboundChannel: channel.code,
    ...(mapped.occurredAt !== undefined ? { occurredAt: mapped.occurredAt } : {}),
    payload: bounded(mapped.remainder),
  };
  const result = await retryOnDuplicate(() =>
    ctx.db
      .transaction()
      .execute((tx) =>
        intake(ctx, caseDeps, tx, actor, mapped.input, channelData, { inboundChannelId: channel.id }),
      ),
  );
  return {
    caseNumber: result.caseRow.number,
    caseId: result.caseRow.id,
    reportId: result.reportId,
    duplicate: result.duplicate,
  };
}
