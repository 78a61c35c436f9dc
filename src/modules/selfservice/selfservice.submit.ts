import { createHash } from 'node:crypto';
import type { AppContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { idempotent } from '../../platform/idempotency.js';
import { saveAttachment, sniffType } from '../cases/attachments.service.js';
import { caseDeps } from '../cases/cases.deps.impl.js';
import type { IntakeInput } from '../cases/cases.schema.js';
import { statusLabels, type CaseStatus } from '../cases/cases.state.js';
import { intake } from '../cases/intake.service.js';
import { publicActor } from './selfservice.actor.js';
import { trackingCodeFor, trackingCodeHash } from './selfservice.codes.js';
import { markSelfServiceReport } from './selfservice.repository.js';
import type { SubmitInput } from './selfservice.schema.js';

/** A photo sent with the form, read whole (the multipart limits bound its size). */
export interface Photo {
  fileName: string;
  bytes: Buffer;
}

/** Photos one report may carry, as on the usual 随手拍 forms. */
export const MAX_PHOTOS = 9;
const imageTypes = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** What an Idempotency-Key replay finds: enough to answer again, tracking code included. */
interface Stored {
  caseNumber: string;
  reportId: string;
  status: string;
  receivedAt: string;
  photos: number;
}

/**
 * Files a citizen's report from the public web form through intake() as the public channel's
 * service user, with the privacy consent and the tracking code's hash on the report, in one
 * transaction. Everything that can be refused (consent, location, contact, photos) is checked
 * before anything is written; the photos' metadata is written in the same transaction once the
 * case exists, so a failure or an Idempotency-Key replay never leaves a case without its photos
 * or with them twice.
 */
export async function submitReport(
  ctx: AppContext,
  input: SubmitInput,
  photos: Photo[],
  idempotencyKey: string | undefined,
) {
  if (input.consent !== true || !input.privacyNoticeVersion) {
    throw new DomainError(
      'consent_required',
      '请阅读并同意隐私声明后再提交 (accept the privacy notice, and send its version, to file a report)',
    );
  }
  if (input.lon === undefined && input.lat === undefined && !input.address) {
    throw new DomainError(
      'validation_failed',
      '请在地图上选点或填写地址 (a map point or an address is required)',
    );
  }
  if (!input.anonymous && !input.contact.phone && !input.contact.email) {
    throw new DomainError(
      'validation_failed',
      '请留下电话或邮箱，或选择匿名提交 (a phone or e-mail is required unless anonymous)',
    );
  }
  checkPhotos(ctx, photos);
  const actor = await publicActor(ctx);
  // An anonymous reporter's contact is dropped here, so it reaches neither the report nor a hash.
  const clean = input.anonymous ? { ...input, contact: {} } : input;
  const fingerprint = {
    ...clean,
    photos: photos.map((p) => createHash('sha256').update(p.bytes).digest('hex')),
  };
  const noticeVersion = input.privacyNoticeVersion;
  const result = await idempotent(ctx.db, 'selfservice:reports', idempotencyKey, fingerprint, async (tx) => {
    // The citizen's category is their own pick, not the centre's classification: the report goes
    // through smart dispatch like any report nobody at the centre has read (confident → dispatched).
    const r = await intake(ctx, caseDeps, tx, actor, toIntake(clean), undefined, {
      categoryFromReporter: true,
    });
    await markSelfServiceReport(tx, r.reportId, {
      consentAt: r.caseRow.received_at,
      noticeVersion,
      trackingCodeHash: trackingCodeHash(trackingCodeFor(ctx.config.AUDIT_SECRET, r.reportId)),
    });
    for (const photo of photos) await saveAttachment(ctx, actor, r.caseRow.id, photo, tx);
    const body: Stored = {
      caseNumber: r.caseRow.number,
      reportId: r.reportId,
      status: r.caseRow.status,
      receivedAt: r.caseRow.received_at.toISOString(),
      photos: photos.length,
    };
    return { status: 201, body };
  });
  const stored = result.body;
  return {
    status: result.status,
    replayed: result.replayed,
    body: {
      caseNumber: stored.caseNumber,
      trackingCode: trackingCodeFor(ctx.config.AUDIT_SECRET, stored.reportId),
      status: stored.status,
      statusLabel: statusLabels[stored.status as CaseStatus].zh,
      receivedAt: stored.receivedAt,
      photos: stored.photos,
    },
  };
}

function toIntake(input: SubmitInput): IntakeInput {
  return {
    channel: 'web',
    text: input.text,
    categoryCode: input.categoryCode,
    priority: 'normal',
    kind: 'request',
    address: input.address,
    lon: input.lon,
    lat: input.lat,
    reporter: input.anonymous
      ? { anonymous: true, confidential: false }
      : { ...input.contact, anonymous: false, confidential: false },
    autoDispatch: false,
  };
}

/** Photos are images by their first bytes (the declared type is not trusted) and within the size limit. */
function checkPhotos(ctx: AppContext, photos: Photo[]): void {
  if (photos.length > MAX_PHOTOS) {
    throw new DomainError('validation_failed', `at most ${MAX_PHOTOS} photos`);
  }
  for (const photo of photos) {
    if (photo.bytes.length > ctx.config.UPLOAD_MAX_BYTES) {
      throw new DomainError(
        'attachment_too_large',
        `photos are limited to ${ctx.config.UPLOAD_MAX_BYTES} bytes`,
      );
    }
    const mime = sniffType(photo.bytes);
    if (!mime || !imageTypes.has(mime)) {
      throw new DomainError(
        'attachment_type_not_allowed',
        `${photo.fileName}: only JPEG, PNG, GIF and WebP photos`,
      );
    }
  }
}
