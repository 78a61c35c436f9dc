import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, requireRole } from '../../platform/auth.js';
import { presentJob } from './jobs.presenter.js';
import { jobListOut, jobListQuery, jobOut, jobParams } from './jobs.schema.js';
import { drainJobs, getJobFileFor, getJobFor, listJobsFor } from './jobs.service.js';

/** Long operations' progress: started by their own routes, polled here. */
export const jobsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['jobs'];
  app.addHook('onClose', () => drainJobs());

  app.get(
    '/jobs',
    {
      schema: {
        tags,
        summary: 'Recent long operations, newest first',
        querystring: jobListQuery,
        response: { 200: jobListOut },
      },
    },
    async (request) => {
      requireRole(request, ['admin']);
      return { items: (await listJobsFor(ctx.db, request.query)).map(presentJob) };
    },
  );

  app.get(
    '/jobs/:id',
    {
      schema: {
        tags,
        summary: 'A long operation: status, progress, result or error (poll until not running)',
        params: jobParams,
        response: { 200: jobOut },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentJob(await getJobFor(ctx.db, actor, request.params.id));
    },
  );
  app.get(
    '/jobs/:id/file',
    {
      schema: {
        tags,
        summary: 'The file a finished job made (an export), for its creator or an administrator',
        params: jobParams,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await getJobFileFor(ctx.db, actor, request.params.id);
      return reply
        .type(file.mimeType)
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .send(file.content);
    },
  );
};
