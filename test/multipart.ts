/** One file part of a multipart/form-data body. `type` defaults to image/png, the common upload. */
export interface MultipartFile {
  field: string;
  filename: string;
  bytes: Buffer;
  type?: string;
}

const boundary = '----zhicheng-test-boundary';

/**
 * Builds a multipart/form-data body the way a browser or a FixMyStreet client sends it: the text
 * fields first (in the given order, so repeated names such as `attribute[X][]` stay repeated), then
 * the files. Returns what `app.inject` takes, so tests only spread `headers` next to their auth.
 */
export function multipart(
  fields: Array<[string, string]> | Record<string, string>,
  files: MultipartFile[] = [],
): { payload: Buffer; headers: { 'content-type': string } } {
  const entries = Array.isArray(fields) ? fields : Object.entries(fields);
  const chunks: Buffer[] = [];
  for (const [name, value] of entries) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\n` +
          `Content-Type: ${f.type ?? 'image/png'}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
