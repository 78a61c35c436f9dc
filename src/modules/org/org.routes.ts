import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, requireRole } from '../../platform/auth.js';
import { presentUnit } from './org.presenter.js';
import {
  createUnitBody,
  unitDetailOut,
  unitIdParams,
  unitListOut,
  unitListQuery,
  unitOut,
  updateUnitBody,
} from './org.schema.js';
import { createUnit, listUnits, resolveUnitPath, updateUnit } from './org.service.js';

/** The org tree: any logged-in user reads it, administrators add, rename and (de)activate units. */
export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['org'];

  app.get(
    '/org/units',
    {
      schema: { tags, summary: 'List org units', querystring: unitListQuery, response: { 200: unitListOut } },
    },
    async (request) => {
      requireActor(request);
      const { rows, total } = await listUnits(ctx.db, request.query);
      return { items: rows.map(presentUnit), total };
    },
  );

  app.get(
    '/org/units/:id',
    {
      schema: {
        tags,
        summary: 'One org unit with its ancestors',
        params: unitIdParams,
        response: { 200: unitDetailOut },
      },
    },
    async (request) => {
      requireActor(request);
      const path = await resolveUnitPath(ctx.db, request.params.id);
      const unit = path[path.length - 1]!;
      return { ...presentUnit(unit), ancestors: path.slice(0, -1).map(presentUnit) };
    },
  );

  app.post(
    '/org/units',
    { schema: { tags, summary: 'Add an org unit', body: createUnitBody, response: { 201: unitOut } } },
    async (request, reply) => {
      const actor = requireRole(request, ['admin']);
      const unit = await createUnit(ctx, actor, request.body);
      return reply.status(201).send(presentUnit(unit));
    },
  );

  app.patch(
    '/org/units/:id',
    {
      schema: {
        tags,
        summary: 'Rename or (de)activate an org unit',
        params: unitIdParams,
        body: updateUnitBody,
        response: { 200: unitOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['admin']);
      return presentUnit(await updateUnit(ctx, actor, request.params.id, request.body));
    },
  );
};
