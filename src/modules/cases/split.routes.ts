import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth.js';
import { idempotent } from '../../platform/idempotency.js';
import { caseDeps } from './cases.deps.impl.js';
import { presentCase } from './cases.presenter.js';
import { caseParams, splitBody } from './cases.schema.js';
import { splitReport } from './split.service.js';

/** 拆分: POST /api/cases/{id}/split — a report merged into the case leaves for a case of its own. */
export const splitRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.post(
    '/cases/:id/split',
    {
      schema: {
        tags: ['case lifecycle'],
        summary: '拆分 — take a report merged into this case (并案) back out into a new case of its own',
        params: caseParams,
        body: splitBody,
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await idempotent(
        ctx.db,
        `case-action:${actor.id}`,
        request.headers['idempotency-key'],
        { id: request.params.id, action: 'split', body: request.body },
        async (tx) => {
          const r = await splitReport(ctx, caseDeps, tx, actor, request.params.id, request.body);
          return {
            status: 200,
            body: {
              /** The case the report left. */
              case: presentCase(r.source, actor),
              /** The case the report opened (status received: in the dispatcher queue). */
              newCase: presentCase(r.created, actor),
              reportId: r.reportId,
            },
          };
        },
      );
      return reply.status(result.status).send(result.body);
    },
  );
};
