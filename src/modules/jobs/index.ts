import type { Module } from '../module.js';
import { jobsRoutes } from './jobs.routes.js';

/** Long operations (retraining, exports, imports) run in-process with their progress in the jobs table. */
export const jobsModule: Module = { name: 'jobs', routes: jobsRoutes };

export { startJob, type JobTools, type ReportProgress } from './jobs.service.js';
export type { JobFile } from './jobs.repository.js';
export { presentJob, stepText } from './jobs.presenter.js';
export { jobOut, type JobKind, type JobStep } from './jobs.schema.js';
