import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { projectPath } from './paths.js';

/** Where `npm run build:web` writes the console's production bundle (not committed). */
export const WEB_DIST_DIR = projectPath('web', 'dist');

/** Paths the console never answers, even when nothing else does: the API and the protocols own them. */
const SERVER_PREFIXES = ['/api', '/open311', '/docs', '/healthz'];

function ownedByServer(path: string): boolean {
  return SERVER_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}?`));
}

/** A browser navigating to a console route (not a script asking for JSON or a missing file). */
function isNavigation(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '/';
  if (ownedByServer(path)) return false;
  // A missing file (/assets/x.js, /favicon.ico) is a 404, not the console's page.
  if (/\.[a-z0-9]+$/i.test(path)) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Serves the web console from `dir` when it has been built: its files (hashed assets cached for a
 * year, index.html never), and index.html for any other page a browser navigates to, so deep links
 * like /cases/2026-000123 work. Returns the fallback for the not-found handler, or null when there
 * is no bundle (the API runs alone).
 */
export async function registerWebConsole(
  app: FastifyInstance,
  dir: string = WEB_DIST_DIR,
): Promise<((request: FastifyRequest, reply: FastifyReply) => FastifyReply | null) | null> {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const index = readFileSync(indexFile);
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      // One route per built file, found at start: no catch-all route that could shadow the API.
      wildcard: false,
      index: false,
      decorateReply: false,
      cacheControl: false,
      setHeaders(res, path) {
        res.setHeader(
          'cache-control',
          path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  });
  return (request, reply) =>
    isNavigation(request)
      ? reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index)
      : null;
}
