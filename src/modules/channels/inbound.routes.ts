import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../platform/errors.js';
import { inboundOut } from './channels.schema.js';
import { receiveDelivery } from './inbound.service.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature.js';

/** Largest delivery accepted. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The webhook every inbound channel posts to. The signature covers the exact bytes sent, so this
 * plugin (and only this one: the parser is encapsulated) keeps JSON bodies as raw buffers; the
 * service parses them after the signature has been checked.
 */
export const inboundRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: MAX_BODY_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/inbound/:code',
    {
      config: {
        // Per channel, not per IP: a channel's gateway may sit behind many addresses.
        rateLimit: {
          max: ctx.config.INBOUND_RATE_LIMIT,
          timeWindow: '1 minute',
          keyGenerator: (request) => `inbound:${(request.params as { code?: string }).code ?? ''}`,
        },
      },
      schema: {
        tags: ['channels'],
        summary: 'Deliver one report from an inbound channel (JSON in its own shape, signed)',
        description:
          'Headers X-Zhicheng-Timestamp (unix seconds) and X-Zhicheng-Signature: ' +
          'sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>. 201 first delivery, ' +
          '200 with duplicate=true on redelivery of the same external id.',
        security: [],
        consumes: ['application/json'],
        params: z.strictObject({ code: z.string().max(100) }),
        response: { 200: inboundOut, 201: inboundOut },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new DomainError('unsupported_media_type', 'send application/json');
      }
      const result = await receiveDelivery(
        ctx,
        request.params.code,
        { timestamp: request.headers[TIMESTAMP_HEADER], signature: request.headers[SIGNATURE_HEADER] },
        request.body,
      );
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );
};
