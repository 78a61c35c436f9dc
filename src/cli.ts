import {
  classifyUsage,
  runClassifyCommand,
  runTrainCommand,
  trainUsage,
} from './modules/classifier/index.js';
import { findUnitByCode, importDistrict, seedDepartments, seedGrids } from './modules/org/index.js';
import { importPolygonsUsage, runImportPolygons } from './modules/geo/geo.cli.js';
import { runReplayCommand } from './modules/open311/replay/replay.command.js';
import { similarReportCommand } from './modules/similar/similar.report.command.js';
import {
  modelsUsage,
  runModelsCommand,
  runTrainFromDb,
  trainFromDbUsage,
} from './modules/suggest/suggest.cli.js';
import { verifyAudit } from './platform/audit.js';
import { loadConfig } from './platform/config.js';
import { openDatabase } from './platform/db/index.js';

/**
 * The command line, `npm run zhicheng -- <command> [args]` (run by src/zhicheng.ts). Each command is a row of
 * the table below; add new ones there. Commands open the database from the same environment
 * variables as the server.
 */
export interface Command {
  name: string;
  usage: string;
  /** What it does, one line. */
  summary: string;
  /** Runs the command; resolves to the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Where a command reads its environment and writes its output (tests pass their own). */
export interface CliIo {
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
}

export const commands: Command[] = [
  {
    name: 'help',
    usage: 'help',
    summary: 'List the commands',
    async run(_args, io) {
      io.out('usage: npm run zhicheng -- <command> [args]\n');
      for (const c of commands) io.out(`  ${c.usage.padEnd(34)} ${c.summary}`);
      return 0;
    },
  },
  {
    name: 'import-district',
    usage: 'import-district <divisionCode>',
    summary: 'Import a district, its streets and communities (e.g. 110115)',
    async run(args, io) {
      const code = args[0];
      if (!code || !/^\d{6}$/.test(code)) {
        io.err('import-district needs a 6-digit division code, e.g. 110115');
        return 2;
      }
      const config = loadConfig(io.env);
      const handle = await openDatabase(config);
      try {
        const c = await importDistrict(handle.db, code, config.AUDIT_SECRET);
        const district = await findUnitByCode(handle.db, code);
        const departments = await seedDepartments(handle.db, code, config.AUDIT_SECRET);
        const grids = district ? await seedGrids(handle.db, district.path, config.AUDIT_SECRET) : 0;
        io.out(
          `${c.districtCode} ${c.districtName}: ${c.streets} streets, ${c.communities} communities ` +
            `(${c.inserted} new, ${c.updated} refreshed), ${departments} departments and ${grids} grid cells added, in ${c.ms} ms`,
        );
        return 0;
      } finally {
        await handle.close();
      }
    },
  },
  {
    name: 'verify-audit',
    usage: 'verify-audit',
    summary: 'Verify the hash-chained audit log; name every edited, inserted or deleted entry',
    async run(_args, io) {
      const config = loadConfig(io.env);
      const handle = await openDatabase(config);
      try {
        const started = Date.now();
        const { entries, problems } = await verifyAudit(handle.db, config.AUDIT_SECRET);
        for (const p of problems) io.err(`shard ${p.shard} seq ${p.seq}: ${p.problem} — ${p.detail}`);
        io.out(
          `${entries} audit entries checked in ${Date.now() - started} ms: ${problems.length === 0 ? 'chain intact' : `${problems.length} problem(s)`}`,
        );
        return problems.length === 0 ? 0 : 1;
      } finally {
        await handle.close();
      }
    },
  },
  {
    name: 'import-polygons',
    usage: importPolygonsUsage,
    summary: 'Import unit boundaries (GeoJSON) for coordinates → street/community',
    run: (args, io) => runImportPolygons(args, io),
  },
  {
    name: 'open311-replay',
    usage: 'open311-replay [--limit N] [options]',
    summary: 'Post the 3,050 US 311 samples to an Open311 endpoint and read each back in XML and JSON',
    run: (args, io) => runReplayCommand(args, io),
  },
  {
    name: 'train',
    usage: `${trainUsage}\n  ${trainFromDbUsage}`,
    summary: 'Train a text classifier from a labelled CSV (model file) or from the handled cases (registry)',
    run: (args, io) => (args.includes('--from-db') ? runTrainFromDb(args, io) : runTrainCommand(args, io)),
  },
  {
    name: 'models',
    usage: modelsUsage,
    summary: 'The classifier model registry: list, activate, roll back, import a model file',
    run: (args, io) => runModelsCommand(args, io),
  },
  {
    name: 'classify',
    usage: classifyUsage,
    summary: 'Classify JSON lines {"id","text"} from stdin; one JSON answer per line on stdout',
    run: (args, io) => runClassifyCommand(args, io, process.stdin, process.stdout),
  },
  {
    name: 'similar-report',
    usage: 'similar-report --input FILE.csv [--window-days 30] [--sample 50 --sample-out FILE.md]',
    summary: 'Group a table of real messages by the 并案 similarity; print the largest groups',
    run: (args, io) => similarReportCommand(args, io),
  },
];

/** Runs one command line; returns the exit code (2 for usage errors, 1 for failures). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`unknown command: ${name} (try: help)`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
