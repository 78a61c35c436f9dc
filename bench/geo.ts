/**
 * Address resolution speed: the hand-written 大兴区 address set (src/modules/geo/testdata) resolved
 * against the real 大兴区 tree (embedded PGlite in memory, imported from the national division codes),
 * on one core, next to a physical floor in the same run — one pass over the same addresses'
 * characters (the least any resolver must do: read its input).
 *
 *   npm run bench:geo [-- --seconds 2]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importDistrict } from '../src/modules/org/index.js';
import { resolveAddress } from '../src/modules/geo/geo.resolver.js';
import { getGeoIndex } from '../src/modules/geo/geo.service.js';
import { loadConfig } from '../src/platform/config.js';
import type { AppContext } from '../src/platform/context.js';
import { openDatabase } from '../src/platform/db/index.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '2' } } });
const seconds = Number(values.seconds);

const { addresses } = JSON.parse(
  readFileSync(new URL('../src/modules/geo/testdata/addresses.daxing.json', import.meta.url), 'utf8'),
) as { addresses: Array<{ address: string }> };
const texts = addresses.map((a) => a.address);

/** Runs `fn` over every address repeatedly for `seconds`; addresses per second. */
function rate(fn: (text: string) => unknown): number {
  for (const t of texts) fn(t); // warm-up
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (const t of texts) fn(t);
    n += texts.length;
  }
  return n / ((performance.now() - started) / 1000);
}

const config = loadConfig({ DATA_DIR: ':memory:', LOG_LEVEL: 'silent', SCRYPT_COST_LOG2: '10' });
const handle = await openDatabase(config);
try {
  await importDistrict(handle.db, '110115', config.AUDIT_SECRET);
  const ctx: AppContext = { db: handle.db, config, dbKind: handle.kind };
  const { gazetteer } = await getGeoIndex(ctx);
  let sink = 0;
  const floor = rate((t) => {
    for (let i = 0; i < t.length; i++) sink += t.charCodeAt(i);
  });
  const resolved = rate((t) => resolveAddress(gazetteer, t));
  console.log(
    `${texts.length} addresses; gazetteer ${gazetteer.units.size} units, ${gazetteer.patterns} patterns (sink ${sink % 10})`,
  );
  console.log(`  floor (read every character once) ${Math.round(floor).toLocaleString('en')} addresses/s`);
  console.log(`  resolveAddress                    ${Math.round(resolved).toLocaleString('en')} addresses/s`);
  console.log(`  ratio to the floor                ${((resolved / floor) * 100).toFixed(2)} %`);
} finally {
  await handle.close();
}
