import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../platform/auth.js';
import type { Role } from '../../platform/db/schema.js';
import { DomainError } from '../../platform/errors.js';
import { findCase } from './cases.repository.js';
import { caseParams } from './cases.schema.js';
import { assertInScope } from './cases.scope.js';

/** Roles that may read a case's audit trail (oversight); units see the timeline, not the chain. */
export const auditReaders: readonly Role[] = ['supervisor', 'leader', 'admin'];

const auditEntryOut = z.object({
  /** Position in its shard's hash chain. */
  shard: z.number().int(),
  seq: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

/** GET /api/cases/:id/audit — the audit-chain entries of one case, oldest first. */
export const caseAuditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.get(
    '/cases/:id/audit',
    {
      schema: {
        tags: ['cases'],
        summary: '审计 — the audit-chain entries of a case, oldest first (supervisor, leader, admin)',
        params: caseParams,
        response: { 200: z.object({ items: z.array(auditEntryOut) }) },
      },
    },
    async (request) => {
      const actor = requireRole(request, auditReaders);
      const row = await findCase(ctx.db, request.params.id);
      if (!row) throw new DomainError('case_not_found', `no case ${request.params.id}`);
      await assertInScope(ctx.db, actor, row);
      const rows = await ctx.db
        .selectFrom('audit_log as a')
        .leftJoin('users as u', 'u.id', 'a.actor_user_id')
        .select([
          'a.shard',
          'a.seq',
          'a.at',
          'a.actor_user_id',
          'u.display_name',
          'a.action',
          'a.before',
          'a.after',
          'a.hash',
        ])
        .where('a.entity', '=', 'case')
        .where('a.entity_id', '=', row.id)
        .orderBy('a.at')
        .orderBy('a.seq')
        .limit(1000)
        .execute();
      return {
        items: rows.map((r) => ({
          shard: r.shard,
          seq: Number(r.seq),
          at: r.at.toISOString(),
          actorUserId: r.actor_user_id,
          actorName: r.display_name,
          action: r.action,
          before: r.before,
          after: r.after,
          hash: r.hash,
        })),
      };
    },
  );
};
