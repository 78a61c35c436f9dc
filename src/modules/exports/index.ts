import type { Module } from '../module.js';
import { exportsRoutes } from './exports.routes.js';

/** Exports (cases, the monthly ranking) as jobs whose file is kept with the job. */
export const exportsModule: Module = { name: 'exports', routes: exportsRoutes };
