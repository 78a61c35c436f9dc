import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../platform/auth.js';
import {
  channelOut,
  channelParams,
  channelWithSecretOut,
  createChannelBody,
  updateChannelBody,
} from './channels.schema.js';
import {
  createChannel,
  listChannels,
  revokeChannel,
  rotateSecret,
  updateChannel,
} from './channels.service.js';

/** Admin API for inbound channels: register (the secret is shown once), list, change, rotate, revoke. */
export const channelsAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tags = ['channels'];

  app.post(
    '/channels',
    {
      schema: {
        tags,
        summary: 'Register an inbound channel (its secret is shown only in this response)',
        body: createChannelBody,
        response: { 201: channelWithSecretOut },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['admin']);
      const created = await ctx.db.transaction().execute((tx) => createChannel(ctx, tx, actor, request.body));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/channels',
    {
      schema: {
        tags,
        summary: 'Inbound channels (never their secrets)',
        response: { 200: z.array(channelOut) },
      },
    },
    async (request) => {
      requireRole(request, ['admin']);
      return listChannels(ctx.db);
    },
  );

  app.patch(
    '/channels/:id',
    {
      schema: {
        tags,
        summary: 'Change name, field mapping, callback URL or pause/resume a channel',
        params: channelParams,
        body: updateChannelBody,
        response: { 200: channelOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['admin']);
      return ctx.db
        .transaction()
        .execute((tx) => updateChannel(ctx, tx, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/channels/:id/rotate-secret',
    {
      schema: {
        tags,
        summary: 'Replace the secret (the new one is shown only in this response; the old one stops working)',
        params: channelParams,
        response: { 200: channelWithSecretOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['admin']);
      return ctx.db.transaction().execute((tx) => rotateSecret(ctx, tx, actor, request.params.id));
    },
  );

  app.post(
    '/channels/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a channel for good',
        params: channelParams,
        response: { 200: channelOut },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['admin']);
      return ctx.db.transaction().execute((tx) => revokeChannel(ctx, tx, actor, request.params.id));
    },
  );
};
