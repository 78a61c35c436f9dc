import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../platform/auth.js';
import type { Role } from '../../platform/db/schema.js';
import { presentGroup, presentPeriod } from './metrics.presenter.js';
import { monthOf, periodFrom } from './metrics.rules.js';
import { geoMetrics, topics } from './cockpit.service.js';
import {
  geoOut,
  geoQuery,
  periodQuery,
  rankingOut,
  rankingQuery,
  summaryOut,
  topicsOut,
  topicsQuery,
  trendOut,
  trendQuery,
  unitsOut,
  unitsQuery,
  weightsBody,
  weightsOut,
} from './metrics.schema.js';
import { resolveScope, summary, trend, unitMetrics } from './metrics.service.js';
import { monthlyRanking } from './ranking.service.js';
import { getWeights, setWeights } from './weights.service.js';

/** Who may read metrics; each sees its own unit's subtree (a handler only that, too). */
export const metricsReaders: readonly Role[] = ['leader', 'supervisor', 'admin', 'dispatcher', 'handler'];
const readers = metricsReaders;

/**
 * 三率 and the rest: summary, per-group figures, monthly ranking, trend, weights. The ranking's CSV
 * and xlsx are exports (POST /api/exports, a job with progress; src/modules/exports).
 */
export const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['metrics'];

  app.get(
    '/metrics/summary',
    {
      schema: {
        tags,
        summary: 'Figures of everything in scope over a period',
        querystring: periodQuery,
        response: { 200: summaryOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, readers);
      const q = request.query;
      const period = periodFrom(q);
      const scopePath = await resolveScope(ctx.db, actor, q.unitId);
      const weights = await getWeights(ctx.db);
      const total = await summary(ctx.db, { ...period, scopePath, categoryId: q.categoryId }, weights);
      return { ...presentPeriod(period), weights, total: presentGroup(total) };
    },
  );

  app.get(
    '/metrics/units',
    {
      schema: {
        tags,
        summary: 'Figures per unit, street, area or category',
        querystring: unitsQuery,
        response: { 200: unitsOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, readers);
      const q = request.query;
      const period = periodFrom(q);
      const scopePath = await resolveScope(ctx.db, actor, q.unitId);
      const weights = await getWeights(ctx.db);
      const groups = await unitMetrics(
        ctx.db,
        { ...period, groupBy: q.groupBy, scopePath, categoryId: q.categoryId, unitKind: q.unitKind },
        weights,
      );
      return { ...presentPeriod(period), groupBy: q.groupBy, weights, items: groups.map(presentGroup) };
    },
  );

  app.get(
    '/metrics/ranking',
    {
      schema: {
        tags,
        summary: 'Monthly ranking of streets and/or departments',
        querystring: rankingQuery,
        response: { 200: rankingOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, readers);
      const q = request.query;
      const month = q.month ?? monthOf(new Date());
      const scopePath = await resolveScope(ctx.db, actor, q.unitId);
      const ranking = await monthlyRanking(ctx.db, { month, level: q.level, scopePath });
      return {
        ...presentPeriod(ranking),
        month,
        level: ranking.level,
        weights: ranking.weights,
        items: ranking.rows.map(presentGroup),
      };
    },
  );

  app.get(
    '/metrics/trend',
    {
      schema: {
        tags,
        summary: 'Month-by-month figures of a unit or the whole scope',
        querystring: trendQuery,
        response: { 200: trendOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, readers);
      const scopePath = await resolveScope(ctx.db, actor);
      const weights = await getWeights(ctx.db);
      const items = await trend(ctx.db, { ...request.query, scopePath }, weights);
      return { weights, items: items.map(presentGroup) };
    },
  );

  app.get(
    '/metrics/geo',
    {
      schema: {
        tags,
        summary: 'Cases by area: H3 cells with counts and boundaries (the outlines are GET /api/geo/areas)',
        querystring: geoQuery,
        response: { 200: geoOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, readers);
      const q = request.query;
      const period = periodFrom(q);
      const scopePath = await resolveScope(ctx.db, actor, q.unitId);
      const geo = await geoMetrics(ctx.db, {
        ...period,
        scopePath,
        resolution: q.resolution,
        categoryId: q.categoryId,
      });
      return { ...presentPeriod(period), ...geo };
    },
  );

  app.get(
    '/metrics/topics',
    {
      schema: {
        tags,
        summary: 'Top categories of the last days and the ones rising against the weeks before',
        querystring: topicsQuery,
        response: { 200: topicsOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, readers);
      const q = request.query;
      const scopePath = await resolveScope(ctx.db, actor, q.unitId);
      return topics(ctx.db, { ...q, now: new Date(), scopePath });
    },
  );

  app.get(
    '/metrics/weights',
    { schema: { tags, summary: 'Composite score weights in force', response: { 200: weightsOut } } },
    async (request) => {
      requireRole(request, readers);
      return getWeights(ctx.db);
    },
  );

  app.put(
    '/metrics/weights',
    {
      schema: {
        tags,
        summary: 'Set the composite score weights (sum 100)',
        body: weightsBody,
        response: { 200: weightsOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['admin']);
      return setWeights(ctx.db, ctx.config.AUDIT_SECRET, actor.id, request.body);
    },
  );
};
