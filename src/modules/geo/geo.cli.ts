import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CliIo } from '../../cli.js';
import { loadConfig } from '../../platform/config.js';
import { openDatabase } from '../../platform/db/index.js';
import { parseFeatures } from './geo.polygons.js';
import { importPolygons } from './geo.import.js';

export const importPolygonsUsage = 'import-polygons FILE.geojson [--crs wgs84|gcj02]';

/**
 * `import-polygons FILE.geojson [--crs gcj02]`: stores unit boundaries for coordinates → area.
 * Features are matched to units of DISTRICT_CODE by code (adcode…) or name. DataV/AMap files are
 * GCJ-02: pass --crs gcj02 to convert them to WGS-84 (GPS) on the way in.
 */
export async function runImportPolygons(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  let crs: 'wgs84' | 'gcj02' = 'wgs84';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--crs') {
      const v = args[++i];
      if (v !== 'wgs84' && v !== 'gcj02') {
        io.err('--crs is wgs84 or gcj02');
        return 2;
      }
      crs = v;
    } else if (!file && !a.startsWith('--')) file = a;
    else {
      io.err(`unexpected argument ${a}; usage: ${importPolygonsUsage}`);
      return 2;
    }
  }
  if (!file) {
    io.err(`usage: ${importPolygonsUsage}`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    io.err(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const features = parseFeatures(json, crs);
  const config = loadConfig(io.env);
  const handle = await openDatabase(config);
  try {
    const ctx = { db: handle.db, config, dbKind: handle.kind };
    const r = await importPolygons(ctx, features, `${basename(file)} (${crs})`);
    for (const p of r.imported) io.out(`${p.code} ${p.name} (${p.kind}): ${p.vertices} vertices`);
    for (const u of r.unmatched) io.err(`no unit of ${config.DISTRICT_CODE} for feature ${u}`);
    io.out(`${r.imported.length} polygons imported, ${r.unmatched.length} features unmatched`);
    return r.imported.length > 0 ? 0 : 1;
  } finally {
    await handle.close();
  }
}
