import type { Actor } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { saveAttachment, sniffType } from '../cases/attachments.service.js';
import { caseDeps } from '../cases/cases.deps.impl.js';
import type { IntakeInput } from '../cases/cases.schema.js';
import { intake } from '../cases/intake.service.js';
import { patrolFields } from './channels.schema.js';
import { retryOnDuplicate } from './inbound.service.js';

/** One photo part of a patrol upload, read whole (the multipart limits bound its size). */
export interface PatrolPhoto {
  fileName: string;
  bytes: Buffer;
}

/** A patrol report needs photos, and only images: refused before anything is written. */
function checkPhotos(ctx: AppContext, photos: PatrolPhoto[]): void {
  if (photos.length === 0) {
    throw new DomainError('validation_failed', 'a patrol report needs at least one photo', [
      { path: 'photo', message: 'required' },
    ]);
  }
  for (const photo of photos) {
    if (photo.bytes.length > ctx.config.UPLOAD_MAX_BYTES) {
      throw new DomainError(
        'attachment_too_large',
        `photos are limited to ${ctx.config.UPLOAD_MAX_BYTES} bytes`,
      );
    }
    if (!sniffType(photo.bytes)?.startsWith('image/')) {
      throw new DomainError(
        'attachment_type_not_allowed',
        `${photo.fileName} is not a JPEG, PNG, GIF or WebP image`,
      );
    }
  }
}

function parseFields(raw: Record<string, string>) {
  // Empty multipart fields count as absent, as a form would mean them.
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v.trim() !== ''));
  const parsed = patrolFields.safeParse(present);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new DomainError('validation_failed', 'patrol report fields are invalid', details);
  }
  return parsed.data;
}

/**
 * 网格员巡查上报: a grid worker files what they found on patrol, with photos and the GPS point,
 * in their own grid. The case, its report and its photos are
 * written in one transaction (photos are checked first), so a refusal leaves nothing behind.
 * The device's externalId makes retries from offline devices return the first case; it is
 * scoped to the worker so one worker's ids can never find another's case.
 */
export async function filePatrolReport(
  ctx: AppContext,
  actor: Actor,
  raw: Record<string, string>,
  photos: PatrolPhoto[],
) {
  const f = parseFields(raw);
  checkPhotos(ctx, photos);
  if (actor.unitId === null) throw new DomainError('forbidden', 'a grid worker needs a grid unit');
  const input: IntakeInput = {
    channel: 'grid',
    externalId: f.externalId === undefined ? undefined : `u${actor.id}:${f.externalId}`,
    text: f.text,
    title: f.title,
    categoryCode: f.categoryCode,
    priority: 'normal',
    kind: 'request',
    address: f.address,
    lon: f.lon,
    lat: f.lat,
    areaUnitId: actor.unitId,
    reporter: { anonymous: false, confidential: false },
    autoDispatch: false,
  };
  // What a report has no column for: how good the fix was, when and with what it was taken.
  const channelData = {
    gps: { lon: f.lon, lat: f.lat, ...(f.accuracy !== undefined ? { accuracy: f.accuracy } : {}) },
    ...(f.capturedAt !== undefined ? { capturedAt: f.capturedAt } : {}),
    ...(f.device !== undefined ? { device: f.device } : {}),
    photos: photos.length,
  };
  return retryOnDuplicate(() =>
    ctx.db.transaction().execute(async (tx) => {
      const r = await intake(ctx, caseDeps, tx, actor, input, channelData);
      const attachments = [];
      // A retry carries the same photos again: the first delivery's are already stored.
      if (!r.duplicate) {
        for (const photo of photos)
          attachments.push(await saveAttachment(ctx, actor, r.caseRow.id, photo, tx));
      }
      return {
        caseNumber: r.caseRow.number,
        caseId: r.caseRow.id,
        reportId: r.reportId,
        duplicate: r.duplicate,
        attachments,
      };
    }),
  );
}
