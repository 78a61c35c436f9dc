import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { centreRoles, requireRole } from '../../platform/auth.js';
import type { Role } from '../../platform/db/schema.js';
import { createAlias, deleteAlias, listAliases, type AliasRow } from './geo.aliases.js';
import {
  aliasIdParams,
  aliasListOut,
  aliasOut,
  createAliasBody,
  indexStatusOut,
  resolutionOut,
  resolveQuery,
} from './geo.schema.js';
import { getGeoIndex, indexChanged, locate, refreshGeoIndex, type GeoIndex } from './geo.service.js';

/** Staff who file or route cases: the centre, units' handlers and grid workers. */
const staffRoles: readonly Role[] = [...centreRoles, 'handler', 'grid_worker'];

function status(index: GeoIndex) {
  const d = index.gazetteer.district;
  return {
    district: { id: d.id, code: d.code, name: d.name },
    units: index.gazetteer.units.size,
    patterns: index.gazetteer.patterns,
    polygons: index.polygons.length,
    districtPolygon: index.districtPolygon !== null,
    loadedAt: new Date(index.loadedAt).toISOString(),
  };
}

const presentAlias = (a: AliasRow) => ({ ...a, createdAt: new Date(a.createdAt).toISOString() });

/** Address resolution for staff; the index refresh and the place aliases for administrators. */
export const geoRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['geo'];

  app.get(
    '/geo/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve an address and/or coordinates to street and community',
        querystring: resolveQuery,
        response: { 200: resolutionOut },
      },
    },
    async (request) => {
      requireRole(request, staffRoles);
      return locate(ctx, request.query);
    },
  );

  app.get(
    '/geo/index',
    { schema: { tags, summary: 'State of the address index', response: { 200: indexStatusOut } } },
    async (request) => {
      requireRole(request, ['admin']);
      return status(await getGeoIndex(ctx));
    },
  );

  app.post(
    '/geo/index/refresh',
    {
      schema: {
        tags,
        summary: 'Rebuild the address index from the org tree',
        response: { 200: indexStatusOut },
      },
    },
    async (request) => {
      requireRole(request, ['admin']);
      return status(await refreshGeoIndex(ctx));
    },
  );

  app.get(
    '/geo/aliases',
    { schema: { tags, summary: 'List place aliases', response: { 200: aliasListOut } } },
    async (request) => {
      requireRole(request, staffRoles);
      return { items: (await listAliases(ctx.db)).map(presentAlias) };
    },
  );

  app.post(
    '/geo/aliases',
    {
      schema: { tags, summary: 'Add a place alias', body: createAliasBody, response: { 201: aliasOut } },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['admin']);
      const row = await createAlias(ctx, actor, request.body);
      await indexChanged(ctx);
      return reply.status(201).send(presentAlias(row));
    },
  );

  app.delete(
    '/geo/aliases/:id',
    { schema: { tags, summary: 'Remove a place alias', params: aliasIdParams } },
    async (request, reply) => {
      const actor = requireRole(request, ['admin']);
      await deleteAlias(ctx, actor, request.params.id);
      await indexChanged(ctx);
      return reply.status(204).send();
    },
  );
};
