import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../platform/config.js';
import { publicConfigOut } from './config.schema.js';

/** The settings a browser needs before or after login (no secrets): the district, the basemap. */
export function publicConfig(config: Config) {
  return {
    districtCode: config.DISTRICT_CODE,
    map: {
      tileUrl: config.MAP_TILE_URL ?? null,
      attribution: config.MAP_TILE_ATTRIBUTION,
      crs: config.MAP_TILE_CRS,
      maxZoom: config.MAP_TILE_MAX_ZOOM,
      subdomains: config.MAP_TILE_SUBDOMAINS,
    },
  };
}

export const configRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/config',
    {
      schema: {
        tags: ['config'],
        summary: 'Public settings for the console and the citizen portal (no secrets)',
        security: [],
        response: { 200: publicConfigOut },
      },
    },
    async () => publicConfig(app.ctx.config),
  );
};
