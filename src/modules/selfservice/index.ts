import type { Job, Module } from '../module.js';
import { pruneTrackingFailures } from './selfservice.repository.js';
import { selfServiceRoutes } from './selfservice.routes.js';

/** Failures older than this are no longer counted and are deleted. */
const KEEP_FAILURES_MS = 24 * 3600_000;

/** Deletes old tracking failures in bounded batches (any number of runners may do it at once). */
export const pruneTrackingFailuresJob: Job = {
  name: 'selfservice.prune-tracking-failures',
  everyMs: () => 3600_000,
  run: (ctx) => pruneTrackingFailures(ctx.db, new Date(Date.now() - KEEP_FAILURES_MS), 1000),
};

/** Citizen self-service under /api/public: submit, track, rate, reopen; no login. */
export const selfServiceModule: Module = {
  name: 'selfservice',
  routes: selfServiceRoutes,
  jobs: [pruneTrackingFailuresJob],
};
