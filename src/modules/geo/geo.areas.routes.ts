import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../platform/auth.js';
import { jobOut, presentJob, startJob } from '../jobs/index.js';
import { districtAreas } from './geo.areas.js';
import { importPolygons } from './geo.import.js';
import { areasOut, areasQuery, importPolygonsBody } from './geo.schema.js';
import { parseFeatures } from './geo.polygons.js';

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
        summary:
          'Import unit boundaries (GeoJSON; features matched to units by code or name) as a job: ' +
          'poll /api/jobs/{id}; its result lists what was imported and what was not matched',
        body: importPolygonsBody,
        response: { 202: jobOut },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['admin']);
      // A file that is not GeoJSON is refused at once (400); the features are stored by the job.
      const features = parseFeatures(request.body.geojson, request.body.crs);
      const source = request.body.source ?? `upload (${request.body.crs})`;
      const job = await startJob(
        ctx,
        {
          kind: 'polygon_import',
          params: { source, crs: request.body.crs, features: features.length },
          createdBy: actor.id,
          exclusive: true,
          onUnexpected: (error) => request.log.error({ err: error }, 'polygon import failed'),
        },
        (report) =>
          importPolygons(ctx, features, source, actor.id, (done, total) =>
            report(done / total, { key: 'features', done, total }),
          ),
      );
      return reply.status(202).send(presentJob(job));
    },
  );
};
