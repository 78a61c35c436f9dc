import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, requireRole } from '../../platform/auth.js';
import { presentCoverage, presentOverride } from './calendar.presenter.js';
import { calendarCoverage } from './calendar.rules.js';
import * as s from './calendar.schema.js';
import * as service from './calendar.service.js';

const admin = ['admin'] as const;

/** Working calendar: admin-maintained overrides and the day list UIs draw. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/calendar/overrides',
    { schema: { tags: ['calendar'], querystring: s.overridesQuery, response: { 200: s.overridesResponse } } },
    async (request) => {
      requireRole(request, admin);
      const rows = await service.overrides(app.ctx.db, request.query.from, request.query.to);
      return { overrides: rows.map(presentOverride), coverage: presentCoverage(calendarCoverage()) };
    },
  );

  app.put(
    '/calendar/overrides/:day',
    {
      schema: {
        tags: ['calendar'],
        params: s.dayParams,
        body: s.overrideBody,
        response: { 200: s.overrideSchema },
      },
    },
    async (request) => {
      const actor = requireRole(request, admin);
      return presentOverride(await service.setOverride(app.ctx, actor, request.params.day, request.body));
    },
  );

  app.delete(
    '/calendar/overrides/:day',
    { schema: { tags: ['calendar'], params: s.dayParams } },
    async (request, reply) => {
      const actor = requireRole(request, admin);
      await service.removeOverride(app.ctx, actor, request.params.day);
      return reply.status(204).send();
    },
  );

  app.get(
    '/calendar/days',
    { schema: { tags: ['calendar'], querystring: s.daysQuery, response: { 200: s.daysResponse } } },
    async (request) => {
      requireActor(request);
      const result = await service.calendarDays(app.ctx.db, request.query.from, request.query.to, new Date());
      return { ...result, coverage: presentCoverage(result.coverage) };
    },
  );

  app.get(
    '/calendar/status',
    { schema: { tags: ['calendar'], response: { 200: s.statusResponse } } },
    async (request) => {
      requireActor(request);
      const result = await service.calendarStatus(app.ctx.db, new Date());
      return { ...result, coverage: presentCoverage(result.coverage) };
    },
  );
};
