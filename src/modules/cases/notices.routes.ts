import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth.js';

/** 预警/超期/催办 notices addressed to the actor's unit and the units below it. */
export const noticesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.get(
    '/notices',
    {
      schema: {
        tags: ['cases'],
        querystring: z.strictObject({
          unread: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      let q = ctx.db
        .selectFrom('notices as n')
        .innerJoin('cases as c', 'c.id', 'n.case_id')
        .innerJoin('org_units as u', 'u.id', 'n.unit_id')
        .select([
          'n.id',
          'n.kind',
          'n.message',
          'n.created_at',
          'n.read_at',
          'c.number',
          'c.id as case_id',
          'u.name as unit_name',
        ])
        .where('u.path', 'like', `${actor.unitPath ?? '\u0000'}%`);
      if (request.query.unread === 'true') q = q.where('n.read_at', 'is', null);
      const rows = await q.orderBy('n.created_at', 'desc').limit(request.query.limit).execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          message: r.message,
          createdAt: r.created_at.toISOString(),
          read: r.read_at != null,
          case: { id: r.case_id, number: r.number },
          unit: r.unit_name,
        })),
      };
    },
  );
};
