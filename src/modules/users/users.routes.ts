import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../platform/auth.js';
import { presentUser } from './users.presenter.js';
import {
  createUserBody,
  updateUserBody,
  userIdParams,
  userListOut,
  userListQuery,
  userOut,
} from './users.schema.js';
import { createUser, getUserFor, listUsersFor, updateUser } from './users.service.js';

/** User administration: administrators manage the accounts of their own subtree. */
export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['users'];

  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'List users in your subtree',
        querystring: userListQuery,
        response: { 200: userListOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['admin']);
      const { rows, total } = await listUsersFor(ctx.db, actor, request.query);
      return { items: rows.map(presentUser), total };
    },
  );

  app.get(
    '/users/:id',
    { schema: { tags, summary: 'One user', params: userIdParams, response: { 200: userOut } } },
    async (request) => {
      const actor = requireRole(request, ['admin']);
      return presentUser(await getUserFor(ctx.db, actor, request.params.id));
    },
  );

  app.post(
    '/users',
    { schema: { tags, summary: 'Create a user', body: createUserBody, response: { 201: userOut } } },
    async (request, reply) => {
      const actor = requireRole(request, ['admin']);
      const user = await createUser(ctx, actor, request.body);
      return reply.status(201).send(presentUser(user));
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change or deactivate a user',
        params: userIdParams,
        body: updateUserBody,
        response: { 200: userOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['admin']);
      return presentUser(await updateUser(ctx, actor, request.params.id, request.body));
    },
  );
};
