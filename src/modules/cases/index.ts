import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Module } from '../module.js';
import { attachmentsRoutes } from './attachments.routes.js';
import { caseAuditRoutes } from './audit.routes.js';
import { deadlineTimersJob } from './cases.jobs.js';
import { casesRoutes } from './cases.routes.js';
import { inboxRoutes } from './inbox.routes.js';
import { noticesRoutes } from './notices.routes.js';
import { splitRoutes } from './split.routes.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(casesRoutes);
  await app.register(attachmentsRoutes);
  await app.register(noticesRoutes);
  await app.register(caseAuditRoutes);
  await app.register(inboxRoutes);
  await app.register(splitRoutes);
};

/** Reports, cases and their lifecycle, deadlines and timers, attachments, notices. */
export const casesModule: Module = { name: 'cases', routes, jobs: [deadlineTimersJob] };

export { fireDueTimers } from './cases.jobs.js';
export { intake } from './intake.service.js';
export { act } from './actions.service.js';
export { caseDeps } from './cases.deps.impl.js';
export { assignmentsWithUnits } from './assignments.js';
export { scopeOf, scopeFilter, assertInScope, type Scope } from './cases.scope.js';
export { findCase, lockCase, listEvents } from './cases.repository.js';
export { recordChange } from './cases.events.js';
export { findDistrictBox, type BBox } from './location.js';
export { listQuery } from './cases.schema.js';
export { exportCases, caseExportColumns, type CaseExportRow, type CaseListFilters } from './cases.export.js';
