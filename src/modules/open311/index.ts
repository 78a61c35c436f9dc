import type { Module } from '../module.js';
import { open311AdminRoutes } from './open311.admin.routes.js';
import { open311Routes } from './open311.routes.js';

/** Open311 GeoReport v2 at its standard path, for FixMyStreet and other clients. */
export const open311Module: Module = { name: 'open311', routes: open311Routes, prefix: '/open311/v2' };

/** The admin API for Open311 API keys, under /api. */
export const open311AdminModule: Module = { name: 'open311-admin', routes: open311AdminRoutes };
export { createOpen311Client } from './open311.clients.js';
