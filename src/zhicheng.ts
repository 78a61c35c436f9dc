import { runCli, type CliIo } from './cli.js';

/** The CLI's process entry (`npm run zhicheng -- …` runs it through scripts/launch.mjs). */
const io: CliIo = { env: process.env, out: (l) => console.log(l), err: (l) => console.error(l) };
process.exitCode = await runCli(process.argv.slice(2), io);
