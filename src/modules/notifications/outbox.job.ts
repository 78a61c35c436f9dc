import type { AppContext } from '../../platform/context.js';
import type { Job } from '../module.js';
import { createAdapters, DeliveryError, type Adapters } from './adapters.js';
import {
  claimDue,
  deliveryContext,
  markAttemptFailed,
  markDelivered,
  type ClaimedMessage,
} from './outbox.repository.js';

const BATCH = 50;
/** Deliveries in flight at once per process. */
const PARALLEL = 8;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 3_600_000;

/** Backoff before attempt `attempts + 1`: doubling from 5 s, capped at 1 h, with ±20 % jitter. */
export function retryDelayMs(attempts: number, random = Math.random()): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
  return Math.round(base * (0.8 + 0.4 * random));
}

/** The lease on a claimed message: longer than any attempt can take, so no attempt overlaps another. */
export function leaseMs(ctx: AppContext): number {
  return ctx.config.OUTBOX_TIMEOUT_MS * 3 + 5_000;
}

const adaptersByContext = new WeakMap<AppContext, Adapters>();
function adaptersOf(ctx: AppContext): Adapters {
  let adapters = adaptersByContext.get(ctx);
  if (!adapters) adaptersByContext.set(ctx, (adapters = createAdapters(ctx.config)));
  return adapters;
}

/**
 * Delivers one batch of due messages. Claiming commits before anything is sent; each outcome
 * is written after its attempt. A crash between send and mark means one more delivery after the
 * lease (at least once, never lost); receivers drop repeats by the message id they are given.
 */
export async function deliverDue(
  ctx: AppContext,
  adapters: Adapters = adaptersOf(ctx),
  now = new Date(),
): Promise<number> {
  const claimed = await claimDue(ctx.db, now, leaseMs(ctx), BATCH);
  if (claimed.length === 0) return 0;
  const context = await deliveryContext(ctx.db, claimed);
  const attempt = async (m: ClaimedMessage) => {
    const report = m.report_id ? context.report.get(m.report_id) : undefined;
    const externalId =
      report?.external_id && report.channel_code && report.external_id.startsWith(`${report.channel_code}:`)
        ? report.external_id.slice(report.channel_code.length + 1)
        : (report?.external_id ?? null);
    try {
      await adapters[m.adapter]({
        id: m.id,
        action: m.action,
        caseNumber: context.caseNumber.get(m.case_id) ?? '',
        status: m.payload.status,
        text: m.payload.text,
        recipient: m.recipient,
        at: m.created_at,
        externalId,
        secret: report?.secret ?? null,
      });
      await markDelivered(ctx.db, m.id, new Date());
    } catch (err) {
      const permanent = err instanceof DeliveryError && err.permanent;
      const last = permanent || m.attempts >= ctx.config.OUTBOX_MAX_ATTEMPTS;
      const retryAt = last ? null : new Date(Date.now() + retryDelayMs(m.attempts));
      await markAttemptFailed(ctx.db, m.id, (err as Error).message, retryAt);
    }
  };
  const queue = [...claimed];
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, queue.length) }, async () => {
      for (let m = queue.shift(); m; m = queue.shift()) await attempt(m);
    }),
  );
  return claimed.length;
}

export const outboxJob: Job = {
  name: 'outbox',
  everyMs: (ctx) => ctx.config.OUTBOX_INTERVAL_MS,
  run: (ctx) => deliverDue(ctx),
};
