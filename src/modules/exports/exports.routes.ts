import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, requireRole } from '../../platform/auth.js';
import { jobOut, presentJob, startJob } from '../jobs/index.js';
import { metricsReaders } from '../metrics/index.js';
import { exportBody } from './exports.schema.js';
import { exportWork } from './exports.service.js';

/**
 * Exports as jobs: POST /api/exports answers 202 with the job at once; GET /api/jobs/{id} shows its
 * progress and GET /api/jobs/{id}/file downloads the file once it succeeded (its creator or an
 * administrator only).
 */
export const exportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/exports',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Start an export (cases or the monthly ranking, CSV or xlsx) as a job',
        body: exportBody,
        response: { 202: jobOut },
      },
    },
    async (request, reply) => {
      const body = request.body;
      // Who may read the data may export it: the case list's readers, the ranking's readers.
      const actor = body.kind === 'ranking' ? requireRole(request, metricsReaders) : requireActor(request);
      const job = await startJob(
        ctx,
        {
          kind: body.kind === 'cases' ? 'case_export' : 'ranking_export',
          params: body,
          createdBy: actor.id,
          onUnexpected: (error) => request.log.error({ err: error }, 'export failed'),
        },
        exportWork(ctx, actor, body),
      );
      return reply.status(202).send(presentJob(job));
    },
  );
};
