import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, requireRole } from '../../platform/auth.js';
import { createCategory, setDeadlines, updateCategory } from './categories.editing.js';
import { presentCategory, presentDetail, presentTree } from './categories.presenter.js';
import * as s from './categories.schema.js';
import { categoryDetail, categoryTree } from './categories.service.js';

const admin = ['admin'] as const;

/** The coded taxonomy (大类/中类/小类) and its versioned deadline policies. */
export const categoriesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/categories',
    { schema: { tags: ['categories'], querystring: s.treeQuery, response: { 200: s.treeResponse } } },
    async (request) => {
      requireActor(request);
      const tree = await categoryTree(app.ctx.db, request.query.includeInactive === 'true');
      return { categories: presentTree(tree) };
    },
  );

  app.get(
    '/categories/:code',
    { schema: { tags: ['categories'], params: s.codeParams, response: { 200: s.detailResponse } } },
    async (request) => {
      requireActor(request);
      return presentDetail(await categoryDetail(app.ctx.db, request.params.code));
    },
  );

  app.post(
    '/categories',
    { schema: { tags: ['categories'], body: s.createBody, response: { 201: s.categorySchema } } },
    async (request, reply) => {
      const actor = requireRole(request, admin);
      const { parentCode, ...rest } = request.body;
      const created = await createCategory(app.ctx, actor, { ...rest, parentCode: parentCode ?? null });
      return reply.status(201).send(presentCategory(created.category, created.policies));
    },
  );

  app.patch(
    '/categories/:code',
    {
      schema: {
        tags: ['categories'],
        params: s.codeParams,
        body: s.patchBody,
        response: { 200: s.categorySchema },
      },
    },
    async (request) => {
      const actor = requireRole(request, admin);
      const updated = await updateCategory(app.ctx, actor, request.params.code, request.body);
      return presentCategory(updated.category, updated.policies);
    },
  );

  app.put(
    '/categories/:code/deadlines',
    {
      schema: {
        tags: ['categories'],
        params: s.codeParams,
        body: s.deadlineSetSchema,
        response: { 200: s.setDeadlinesResponse },
      },
    },
    async (request) => {
      const actor = requireRole(request, admin);
      const result = await setDeadlines(app.ctx, actor, request.params.code, request.body);
      return { category: presentCategory(result.category, result.policies), changed: result.changed };
    },
  );
};
