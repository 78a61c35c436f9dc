import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Module } from '../module.js';
import { geoAreasRoutes } from './geo.areas.routes.js';
import { geoRoutes } from './geo.routes.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(geoRoutes);
  await app.register(geoAreasRoutes);
};

/** Address resolution: free text and coordinates → street/township and community of the district. */
export const geoModule: Module = { name: 'geo', routes };

export {
  districtPolygonContains,
  getGeoIndex,
  locate,
  refreshGeoIndex,
  type Location,
  type LocateInput,
} from './geo.service.js';
export { parseFeatures } from './geo.polygons.js';
export { importPolygons, type PolygonImport } from './geo.import.js';
export { resolveAddress, type Resolution } from './geo.resolver.js';
