import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Module } from '../module.js';
import { channelsAdminRoutes } from './channels.routes.js';
import { inboundRoutes } from './inbound.routes.js';
import { patrolRoutes } from './patrol.routes.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  await app.register(channelsAdminRoutes);
  // Its own plugin: the raw-body JSON parser it installs must not reach the other routes.
  await app.register(inboundRoutes);
  await app.register(patrolRoutes);
};

/** Inbound channels (signed webhooks with field mappings, admin API) and grid patrol reports. */
export const channelsModule: Module = { name: 'channels', routes };

export {
  MAX_SKEW_SECONDS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  sign,
  signedHeaders,
  verify,
} from './signature.js';
