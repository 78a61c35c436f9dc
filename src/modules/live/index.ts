import type { Module } from '../module.js';
import { liveRoutes } from './live.routes.js';

/** The live feed of case events (server-sent events) for the cockpit. */
export const liveModule: Module = { name: 'live', routes: liveRoutes };
