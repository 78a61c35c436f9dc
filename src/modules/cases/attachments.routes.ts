import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth.js';
import { DomainError } from '../../platform/errors.js';
import { readAttachment, saveAttachment } from './attachments.service.js';
import { caseParams } from './cases.schema.js';

/** Upload (multipart, field `file`, several allowed) and download of case attachments. */
export const attachmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    '/cases/:id/attachments',
    { schema: { tags: ['cases'], params: caseParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) throw new DomainError('unsupported_media_type', 'send multipart/form-data');
      const saved = [];
      for await (const part of request.files()) {
        const bytes = await part.toBuffer().catch((err: { code?: string }) => {
          if (err.code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new DomainError(
              'attachment_too_large',
              `files are limited to ${ctx.config.UPLOAD_MAX_BYTES} bytes`,
            );
          }
          throw err;
        });
        saved.push(await saveAttachment(ctx, actor, request.params.id, { fileName: part.filename, bytes }));
      }
      if (saved.length === 0) throw new DomainError('validation_failed', 'no file part in the upload');
      return reply.status(201).send({ attachments: saved });
    },
  );

  app.get(
    '/attachments/:id',
    { schema: { tags: ['cases'], params: z.strictObject({ id: z.uuid() }) } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { meta, bytes } = await readAttachment(ctx, actor, request.params.id);
      return reply
        .header('content-type', meta.mime_type)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(meta.file_name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  );
};
