import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../platform/auth.js';
import { createOpen311Client, listOpen311Clients, revokeOpen311Client } from './open311.clients.js';

const clientOut = z.object({
  id: z.number(),
  name: z.string(),
  jurisdictionId: z.string(),
  userId: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

/** Admin API for Open311 API keys: issue (the key is shown once), list, revoke. */
export const open311AdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['open311'];

  app.post(
    '/open311/clients',
    {
      schema: {
        tags,
        summary: 'Issue an Open311 API key (shown only in this response)',
        body: z.strictObject({ name: z.string().trim().min(1).max(100) }),
        response: { 201: clientOut.extend({ apiKey: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['admin']);
      const issued = await ctx.db
        .transaction()
        .execute((tx) => createOpen311Client(ctx, tx, actor, request.body.name));
      return reply.status(201).send({
        id: issued.id,
        name: issued.name,
        jurisdictionId: issued.jurisdictionId,
        userId: issued.userId,
        active: true,
        createdAt: issued.createdAt.toISOString(),
        revokedAt: null,
        apiKey: issued.apiKey,
      });
    },
  );

  app.get(
    '/open311/clients',
    {
      schema: {
        tags,
        summary: 'Open311 API clients (never their keys)',
        response: { 200: z.array(clientOut) },
      },
    },
    async (request) => {
      requireRole(request, ['admin']);
      return listOpen311Clients(ctx.db);
    },
  );

  app.post(
    '/open311/clients/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke an Open311 API key for good',
        params: z.strictObject({ id: z.coerce.number().int().positive() }),
        response: { 200: clientOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['admin']);
      return ctx.db.transaction().execute((tx) => revokeOpen311Client(ctx, tx, actor, request.params.id));
    },
  );
};
