import type { Module } from '../module.js';
import { jobsRoutes } from './jobs.routes.js';

/** Long operations (retraining, …) run in-process with their progress in the jobs table. */
export const jobsModule: Module = { name: 'jobs', routes: jobsRoutes };

export { startJob, type ReportProgress } from './jobs.service.js';
export { presentJob } from './jobs.presenter.js';
export { jobOut, type JobKind } from './jobs.schema.js';
