import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../platform/auth.js';
import { inboxOut } from './inbox.schema.js';
import { unitInbox } from './inbox.query.js';

/** 承办: the unit inbox of handlers and grid workers. */
export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/inbox',
    {
      schema: {
        tags: ['cases'],
        summary: '承办 — the open cases assigned to your unit, most urgent first',
        response: { 200: inboxOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['handler', 'grid_worker']);
      return unitInbox(app.ctx.db, actor);
    },
  );
};
