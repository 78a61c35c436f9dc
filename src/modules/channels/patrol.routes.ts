import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { requireRole } from '../../platform/auth.js';
import { DomainError } from '../../platform/errors.js';
import { patrolOut } from './channels.schema.js';
import { filePatrolReport, type PatrolPhoto } from './patrol.service.js';

/** The fields (first value of each name) and every non-empty file part of a multipart upload. */
async function readUpload(request: FastifyRequest, maxBytes: number) {
  const fields: Record<string, string> = {};
  const photos: PatrolPhoto[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer().catch((err: { code?: string }) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new DomainError('attachment_too_large', `photos are limited to ${maxBytes} bytes`);
        }
        throw err;
      });
      if (bytes.length > 0) photos.push({ fileName: part.filename || part.fieldname, bytes });
    } else if (typeof part.value === 'string' && !(part.fieldname in fields)) {
      fields[part.fieldname] = part.value;
    }
  }
  return { fields, photos };
}

/** 网格员巡查上报: grid workers file what they find on patrol, with photos and GPS. */
export const patrolRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/patrol/reports',
    {
      schema: {
        tags: ['channels'],
        summary: 'File a grid patrol report: multipart with photo file parts and text, lon, lat fields',
        description:
          'Fields: text, lon, lat (required); title, categoryCode, address, accuracy (m), capturedAt ' +
          '(ISO 8601), externalId (device id for retries), device. At least one JPEG/PNG/GIF/WebP photo.',
        consumes: ['multipart/form-data'],
        response: { 200: patrolOut, 201: patrolOut },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['grid_worker']);
      if (!request.isMultipart()) throw new DomainError('unsupported_media_type', 'send multipart/form-data');
      const { fields, photos } = await readUpload(request, ctx.config.UPLOAD_MAX_BYTES);
      const result = await filePatrolReport(ctx, actor, fields, photos);
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );
};
