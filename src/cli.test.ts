import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './cli.js';
import { loadConfig } from './platform/config.js';
import { openDatabase } from './platform/db/index.js';

function capture(
  env: Record<string, string | undefined> = {},
): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { env, lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

describe('cli', () => {
  it('lists its commands', async () => {
    const io = capture();
    expect(await runCli(['help'], io)).toBe(0);
    expect(io.lines.join('\n')).toContain('import-district <divisionCode>');
  });

  it('rejects unknown commands and bad arguments with exit code 2', async () => {
    const io = capture();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.errors[0]).toContain('unknown command');
    expect(await runCli(['import-district', '11011'], io)).toBe(2);
  });

  it('imports a district into the configured database and prints the counts', async () => {
    // PGlite on disk would be the default; tests use memory, or a fresh schema on PostgreSQL.
    const env = process.env.DATABASE_URL
      ? {
          DATABASE_URL: process.env.DATABASE_URL,
          DATABASE_SCHEMA: `t_${randomBytes(6).toString('hex')}`,
          LOG_LEVEL: 'silent',
        }
      : { DATA_DIR: ':memory:', LOG_LEVEL: 'silent' };
    const io = capture(env);
    expect(await runCli(['import-district', '110115'], io)).toBe(0);
    expect(io.lines[0]).toMatch(/^110115 大兴区: 26 streets, 758 communities \(786 new, 0 refreshed\)/);
    if (process.env.DATABASE_URL) {
      // The data outlived the command: run it again and nothing is new.
      const again = capture(env);
      expect(await runCli(['import-district', '110115'], again)).toBe(0);
      expect(again.lines[0]).toContain('(0 new, 786 refreshed)');
      const handle = await openDatabase(loadConfig(env));
      await handle.db.schema.dropSchema(env.DATABASE_SCHEMA!).cascade().execute();
      await handle.close();
    }
  });

  it('reports a failing command with exit code 1', async () => {
    const io = capture({ DATA_DIR: ':memory:', LOG_LEVEL: 'silent' });
    expect(await runCli(['import-district', '999999'], io)).toBe(1);
    expect(io.errors[0]).toContain('999999');
  });
});
