import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from './paths.js';
import { workerEntries } from './workers.js';

describe('worker entry points', () => {
  it('are each built as a bundle beside the server by scripts/launch.mjs', () => {
    const launch = readFileSync(projectPath('scripts/launch.mjs'), 'utf8');
    for (const [name, source] of Object.entries(workerEntries)) {
      expect(launch).toContain(`'${name}': '${source}'`);
    }
  });
});
