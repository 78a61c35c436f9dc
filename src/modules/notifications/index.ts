import type { Module } from '../module.js';
import { notificationsRoutes } from './notifications.routes.js';
import { outboxJob } from './outbox.job.js';

/** The outbox: messages to reporters and channels about their cases, delivered at least once. */
export const notificationsModule: Module = {
  name: 'notifications',
  routes: notificationsRoutes,
  jobs: [outboxJob],
};
export { deliverDue } from './outbox.job.js';
