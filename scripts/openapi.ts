/**
 * The server's OpenAPI document and the web console's typed client generated from it.
 *
 * `npm run api:generate` writes web/src/api/openapi.d.ts; test/web-api.test.ts fails when that
 * file is stale against the routes (regenerate and commit it with the route change).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/index.js';

/** Where the generated types live (committed). */
export const CLIENT_TYPES_FILE = fileURLToPath(new URL('../web/src/api/openapi.d.ts', import.meta.url));

const HEADER = "// Generated from the server's OpenAPI document by `npm run api:generate`. Do not edit.\n";

/** Builds the app on an empty in-memory database and returns its OpenAPI document. */
export async function serverOpenApiDocument(): Promise<OpenAPI3> {
  const config = loadConfig({ DATA_DIR: ':memory:', LOG_LEVEL: 'silent' });
  const handle = await openDatabase(config);
  try {
    const app = await buildApp({ db: handle.db, config, dbKind: handle.kind });
    await app.ready();
    const doc = app.swagger() as unknown as OpenAPI3;
    await app.close();
    return doc;
  } finally {
    await handle.close();
  }
}

/** The TypeScript declarations of the web client for a document. */
export async function clientTypes(doc: OpenAPI3): Promise<string> {
  const ast = await openapiTS(doc, { alphabetize: true });
  // Formatted as the repository formats every file, so format:check and this comparison agree.
  const options = await resolveConfig(CLIENT_TYPES_FILE);
  return format(HEADER + astToString(ast), { ...options, filepath: CLIENT_TYPES_FILE });
}

/** Reads the committed declarations (empty when missing). */
export async function committedClientTypes(): Promise<string> {
  return readFile(CLIENT_TYPES_FILE, 'utf8').catch(() => '');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const types = await clientTypes(await serverOpenApiDocument());
  await writeFile(CLIENT_TYPES_FILE, types);
  console.log(`wrote ${CLIENT_TYPES_FILE} (${types.length} characters)`);
}
