import type { Module } from '../module.js';
import { configRoutes } from './config.routes.js';

/** GET /api/config: public settings browsers need (district, basemap tiles). */
export const configModule: Module = { name: 'config', routes: configRoutes };
