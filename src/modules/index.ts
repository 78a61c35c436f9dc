import type { Module } from './module.js';
import { authModule } from './auth/index.js';
import { calendarModule } from './calendar/index.js';
import { casesModule } from './cases/index.js';
import { configModule } from './config/index.js';
import { categoriesModule } from './categories/index.js';
import { channelsModule } from './channels/index.js';
import { dispatchModule } from './dispatch/index.js';
import { exportsModule } from './exports/index.js';
import { geoModule } from './geo/index.js';
import { liveModule } from './live/index.js';
import { jobsModule } from './jobs/index.js';
import { knowledgeModule } from './knowledge/index.js';
import { metricsModule } from './metrics/index.js';
import { notificationsModule } from './notifications/index.js';
import { open311AdminModule, open311Module } from './open311/index.js';
import { orgModule } from './org/index.js';
import { selfServiceModule } from './selfservice/index.js';
import { suggestModule } from './suggest/index.js';
import { similarModule } from './similar/index.js';
import { usersModule } from './users/index.js';

/** Every domain module, registered in one place. */
export const modules: Module[] = [
  orgModule,
  usersModule,
  authModule,
  casesModule,
  calendarModule,
  categoriesModule,
  dispatchModule,
  metricsModule,
  notificationsModule,
  open311Module,
  open311AdminModule,
  selfServiceModule,
  suggestModule,
  channelsModule,
  similarModule,
  geoModule,
  liveModule,
  configModule,
  jobsModule,
  knowledgeModule,
  exportsModule,
];
