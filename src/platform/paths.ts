import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root folder: the nearest folder above this module whose package.json is ours.
 * Found by walking up, not by a fixed `../..`, because the same module runs from `src/` (tests,
 * tsx) and from the server bundle in `dist/server/` (npm start, the CLI).
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'zhicheng'
    )
      return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('the zhicheng checkout was not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export const PROJECT_ROOT = findRoot();

/** A path inside the checkout, e.g. `projectPath('models')`. */
export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
