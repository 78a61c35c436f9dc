import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../platform/auth.js';
import type { Role } from '../../platform/db/schema.js';
import { createRule, replaceRule, retireRule } from './dispatch.editing.js';
import { presentPreview, presentRule } from './dispatch.presenter.js';
import * as s from './dispatch.schema.js';
import { listRuleViews, previewDispatch, ruleWithHistory } from './dispatch.service.js';

const readers: readonly Role[] = ['agent', 'dispatcher', 'supervisor', 'admin'];
const admin: readonly Role[] = ['admin'];

/** The dispatch catalogue (派单目录): versioned rules category × area → responsible unit. */
export const dispatchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/dispatch/rules',
    { schema: { tags: ['dispatch'], querystring: s.listQuery, response: { 200: s.listResponse } } },
    async (request) => {
      requireRole(request, readers);
      const { includeRetired, ...codes } = request.query;
      const views = await listRuleViews(app.ctx.db, { includeRetired: includeRetired === 'true', ...codes });
      return { rules: views.map(presentRule) };
    },
  );

  app.get(
    '/dispatch/rules/:id',
    { schema: { tags: ['dispatch'], params: s.idParams, response: { 200: s.historyResponse } } },
    async (request) => {
      requireRole(request, readers);
      const { rule, history } = await ruleWithHistory(app.ctx.db, request.params.id);
      return { rule: presentRule(rule), history: history.map(presentRule) };
    },
  );

  app.post(
    '/dispatch/rules',
    { schema: { tags: ['dispatch'], body: s.createRuleBody, response: { 201: s.ruleSchema } } },
    async (request, reply) => {
      const actor = requireRole(request, admin);
      const view = await createRule(app.ctx, actor, request.body);
      return reply.status(201).send(presentRule(view));
    },
  );

  app.put(
    '/dispatch/rules/:id',
    {
      schema: {
        tags: ['dispatch'],
        params: s.idParams,
        body: s.ruleTermsBody,
        response: { 200: s.ruleSchema },
      },
    },
    async (request) => {
      const actor = requireRole(request, admin);
      const view = await replaceRule(app.ctx, actor, request.params.id, request.body);
      return presentRule(view);
    },
  );

  app.delete(
    '/dispatch/rules/:id',
    { schema: { tags: ['dispatch'], params: s.idParams, response: { 200: s.ruleSchema } } },
    async (request) => {
      const actor = requireRole(request, admin);
      const view = await retireRule(app.ctx, actor, request.params.id);
      return presentRule(view);
    },
  );

  app.get(
    '/dispatch/preview',
    { schema: { tags: ['dispatch'], querystring: s.previewQuery, response: { 200: s.previewResponse } } },
    async (request) => {
      requireRole(request, readers);
      return presentPreview(await previewDispatch(app.ctx.db, request.query.category, request.query.area));
    },
  );
};
