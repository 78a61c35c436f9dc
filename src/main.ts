import pino from 'pino';
import { buildApp } from './app.js';
import { coverageWarnings, loadCalendar } from './modules/calendar/index.js';
import { modules } from './modules/index.js';
import { loadConfig, type Config } from './platform/config.js';
import type { AppContext } from './platform/context.js';
import { openDatabase } from './platform/db/index.js';
import { loggerOptions } from './platform/logger.js';
import { startScheduler } from './platform/scheduler.js';
import { ensureWebConsole } from './platform/web-build.js';
import { seedDemo, type DemoSeed } from './seed/demo.js';
import { refreshDemoModel } from './seed/model.js';
import { activeModelProblem } from './modules/suggest/index.js';

/** Reads the config, opens the database, seeds the demo once, and starts the roles asked for. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const log = pino(loggerOptions(config));
  const started = Date.now();
  const handle = await openDatabase(config);
  const ctx: AppContext = { db: handle.db, config, dbKind: handle.kind };
  log.info({ db: handle.kind, ms: Date.now() - started }, 'database ready');

  if (config.DEMO_SEED) {
    const credentials = await seedDemo(ctx);
    if (credentials) {
      log.info({ ms: Date.now() - started, history: credentials.history }, 'demo district seeded');
      printCredentials(credentials);
    } else {
      const version = await refreshDemoModel(ctx);
      if (version) log.info({ version }, 'demo classifier model updated from the checkout');
    }
  }

  // Working-day deadlines are only as good as the holiday calendar: say so when a year is missing.
  for (const warning of coverageWarnings(new Date(), await loadCalendar(ctx.db))) log.warn(warning);

  const stops: Array<() => Promise<void>> = [];
  if (config.ROLES.includes('api')) {
    // The console's bundle: built by `npm ci`; rebuilt here when web/ changed since.
    await ensureWebConsole();
    const app = await buildApp(ctx);
    await app.listen({ port: config.PORT, host: config.HOST });
    stops.push(() => app.close());
  }
  if (config.ROLES.includes('worker')) {
    const scheduler = startScheduler(
      ctx,
      modules.flatMap((m) => m.jobs ?? []),
      log,
    );
    stops.push(() => scheduler.stop());
  }
  log.info({ roles: config.ROLES, ms: Date.now() - started }, 'zhicheng ready');
  // Smart dispatch needs a readable model: say so when the active one cannot be read (checked a
  // moment after start-up, not in the way of the first requests: reading the model takes a
  // moment, and intake copes without it).
  setTimeout(() => {
    void activeModelProblem(ctx, ctx.db).then(
      (problem) => {
        if (problem)
          log.warn(
            problem,
            'the active classifier model cannot be read: reports wait in the dispatcher queue without a suggestion; activate another version (models activate / train --from-db --activate)',
          );
      },
      (err: unknown) => log.warn({ err }, 'could not check the active classifier model'),
    );
  }, 2000).unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    for (const stop of stops.reverse()) await stop();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

function printCredentials(credentials: DemoSeed): void {
  const lines = credentials.users.map(
    (c) => `  ${c.role.padEnd(12)} ${c.username.padEnd(14)} ${c.password.padEnd(16)} ${c.unitName ?? ''}`,
  );
  console.log(
    [
      '',
      'Demo users (shown once — change them in production):',
      '  role         username       password         unit',
      ...lines,
      '',
      `Open311 API key of client 'demo' (shown once): ${credentials.open311ApiKey}`,
      '',
    ].join('\n'),
  );
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
