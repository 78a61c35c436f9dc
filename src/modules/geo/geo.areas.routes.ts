import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../platform/auth.js';
import { districtAreas } from './geo.areas.js';
import { areasOut, areasQuery, importPolygonsBody, importPolygonsOut } from './geo.schema.js';
import { parseFeatures } from './geo.polygons.js';
import { importPolygons } from './geo.service.js';

/** Boundaries for maps: read by anyone (the citizen portal too), imported by administrators. */
export const geoAreasRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['geo'];

  app.get(
    '/geo/areas',
    {
      schema: {
        tags,
        summary: 'District and street boundaries as GeoJSON (public; for maps)',
        security: [],
        querystring: areasQuery,
        response: { 200: areasOut },
      },
    },
    async (request, reply) => {
      // Boundaries change only with an import: let browsers and proxies keep them a few minutes.
      void reply.header('cache-control', 'public, max-age=300');
      return districtAreas(ctx, request.query.kinds);
    },
  );

  app.post(
    '/geo/polygons',
    {
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import unit boundaries (GeoJSON; features matched to units by code or name)',
        body: importPolygonsBody,
        response: { 200: importPolygonsOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['admin']);
      const features = parseFeatures(request.body.geojson, request.body.crs);
      const source = request.body.source ?? `upload (${request.body.crs})`;
      return importPolygons(ctx, features, source, actor.id);
    },
  );
};
