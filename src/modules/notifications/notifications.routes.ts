import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit.js';
import { canSeePii, requireActor, requireRole } from '../../platform/auth.js';
import { DomainError } from '../../platform/errors.js';
import { maskEmail, maskPhone } from '../cases/cases.presenter.js';
import { findCase } from '../cases/cases.repository.js';
import { caseParams } from '../cases/cases.schema.js';
import { assertInScope } from '../cases/cases.scope.js';
import { listForCase } from './outbox.repository.js';

const deliveryOut = z.object({
  id: z.string(),
  reportId: z.string().nullable(),
  action: z.string(),
  adapter: z.enum(['webhook', 'email', 'sms']),
  recipient: z.string().nullable(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});

/** Delivery status on the case (who was told what, and whether it arrived), and manual retry. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['notifications'];

  app.get(
    '/cases/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Notifications sent about a case, with their delivery status',
        params: caseParams,
        response: { 200: z.object({ items: z.array(deliveryOut) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (actor.role === 'citizen') throw new DomainError('forbidden', 'delivery records are for staff');
      const row = await findCase(ctx.db, request.params.id);
      if (!row) throw new DomainError('case_not_found', `no case ${request.params.id}`);
      await assertInScope(ctx.db, actor, row);
      const pii = canSeePii(actor);
      const rows = await listForCase(ctx.db, row.id);
      return {
        items: rows.map((r) => ({
          id: r.id,
          reportId: r.report_id,
          action: r.action,
          adapter: r.adapter,
          recipient: pii || r.adapter === 'webhook' ? r.recipient : maskRecipient(r.adapter, r.recipient),
          status: r.status,
          attempts: r.attempts,
          nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
          lastError: r.last_error,
          createdAt: r.created_at.toISOString(),
          deliveredAt: r.delivered_at?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/outbox/:id/retry',
    {
      schema: {
        tags,
        summary: 'Try a failed notification again (attempts start over)',
        params: z.strictObject({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['admin', 'dispatcher', 'supervisor']);
      await ctx.db.transaction().execute(async (tx) => {
        const row = await tx
          .updateTable('outbox')
          .set({ status: 'pending', attempts: 0, next_attempt_at: new Date() })
          .where('id', '=', request.params.id)
          .where('status', '=', 'failed')
          .returning(['id', 'case_id', 'adapter', 'last_error'])
          .executeTakeFirst();
        if (!row) {
          const exists = await tx
            .selectFrom('outbox')
            .select('status')
            .where('id', '=', request.params.id)
            .executeTakeFirst();
          if (!exists) throw new DomainError('not_found', `no notification ${request.params.id}`);
          throw new DomainError('invalid_transition', `the notification is ${exists.status}, not failed`);
        }
        const caseRow = (await findCase(tx, row.case_id))!;
        await assertInScope(tx, actor, caseRow);
        await appendAudit(tx, ctx.config.AUDIT_SECRET, {
          actorUserId: actor.id,
          action: 'outbox.retry',
          entity: 'outbox',
          entityId: row.id,
          before: { status: 'failed', lastError: row.last_error },
          after: { status: 'pending' },
        });
      });
      return reply.status(202).send({ id: request.params.id, status: 'pending' });
    },
  );
};

function maskRecipient(adapter: string, recipient: string): string | null {
  return adapter === 'email' ? maskEmail(recipient) : maskPhone(recipient);
}
