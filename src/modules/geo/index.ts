import type { Module } from '../module.js';
import { geoRoutes } from './geo.routes.js';

/** Address resolution: free text and coordinates → street/township and community of the district. */
export const geoModule: Module = { name: 'geo', routes: geoRoutes };

export {
  districtPolygonContains,
  getGeoIndex,
  importPolygons,
  locate,
  refreshGeoIndex,
  type Location,
  type LocateInput,
} from './geo.service.js';
export { parseFeatures } from './geo.polygons.js';
export { listPolygons, type PolygonRow } from './geo.repository.js';
export { resolveAddress, type Resolution } from './geo.resolver.js';
