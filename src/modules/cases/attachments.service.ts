import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Actor } from '../../platform/auth.js';
import { nowOf, type AppContext } from '../../platform/context.js';
import type { Conn } from '../../platform/db/index.js';
import { DomainError } from '../../platform/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { findCase } from './cases.repository.js';
import { assertInScope } from './cases.scope.js';

/** Accepted types, recognised by their first bytes — the declared content type is not trusted. */
const signatures: Array<{ mime: string; test: (b: Buffer) => boolean }> = [
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: 'image/gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  {
    mime: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  // docx/xlsx are zip containers
  { mime: 'application/zip', test: (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 },
];

export function sniffType(bytes: Buffer): string | null {
  return signatures.find((s) => s.test(bytes))?.mime ?? null;
}

/** Where attachment files live: DATA_DIR/attachments, or the temp dir for in-memory runs. */
export function attachmentsRoot(ctx: AppContext): string {
  return ctx.config.DATA_DIR === ':memory:'
    ? join(tmpdir(), 'zhicheng-attachments')
    : join(ctx.config.DATA_DIR, 'attachments');
}

/**
 * Stores one uploaded file for a case; the bytes go to disk, the metadata to the database —
 * through `db`, so a caller can store files in the transaction that creates their case.
 */
export async function saveAttachment(
  ctx: AppContext,
  actor: Actor,
  caseKey: string,
  file: { fileName: string; bytes: Buffer },
  db: Conn = ctx.db,
) {
  const row = await findCase(db, caseKey);
  if (!row) throw new DomainError('case_not_found', `no case ${caseKey}`);
  await assertInScope(db, actor, row);
  if (actor.role === 'leader') throw new DomainError('read_only_role');
  if (file.bytes.length > ctx.config.UPLOAD_MAX_BYTES) {
    throw new DomainError(
      'attachment_too_large',
      `files are limited to ${ctx.config.UPLOAD_MAX_BYTES} bytes`,
    );
  }
  const mime = sniffType(file.bytes);
  if (!mime)
    throw new DomainError(
      'attachment_type_not_allowed',
      'only JPEG, PNG, GIF, WebP, PDF and Office files are accepted',
    );
  const id = uuidv7();
  const now = nowOf(ctx);
  const key = join(String(now.getUTCFullYear()), String(now.getUTCMonth() + 1).padStart(2, '0'), id);
  const path = join(attachmentsRoot(ctx), key);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, file.bytes);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  await db
    .insertInto('attachments')
    .values({
      id,
      case_id: row.id,
      event_id: null,
      file_name: file.fileName.slice(0, 200),
      mime_type: mime,
      size_bytes: file.bytes.length,
      sha256,
      storage_key: key,
      uploaded_by: actor.id,
      created_at: now,
    })
    .execute();
  return { id, fileName: file.fileName, mimeType: mime, size: file.bytes.length, sha256 };
}

/** Reads an attachment if its case is in the actor's scope. */
export async function readAttachment(ctx: AppContext, actor: Actor, id: string) {
  const meta = await ctx.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!meta) throw new DomainError('not_found', 'no such attachment');
  const row = await findCase(ctx.db, meta.case_id);
  await assertInScope(ctx.db, actor, row!);
  const bytes = await readFile(join(attachmentsRoot(ctx), meta.storage_key));
  return { meta, bytes };
}
