import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { projectPath } from './paths.js';

/**
 * The worker threads' entry points: their bundle name → their source. scripts/launch.mjs builds
 * each as dist/server/<name>.js beside main.js and zhicheng.js (keep its ENTRIES in step).
 */
export const workerEntries = {
  'training-worker': 'src/modules/suggest/training.worker.ts',
} as const;

export type WorkerEntry = keyof typeof workerEntries;

/**
 * Starts a worker thread on an entry point. From the server bundle (npm start, the CLI) this
 * module is part of dist/server/main.js or zhicheng.js and the worker is its sibling bundle; from
 * the TypeScript source (vitest, tsx scripts) the worker loads its .ts source through tsx's loader,
 * registered inside the worker first (a worker does not inherit its parent's loader hooks).
 */
export function startWorker(entry: WorkerEntry, workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL(`./${entry}.js`, import.meta.url), { workerData });
  }
  const require = createRequire(import.meta.url);
  // tsx's ESM API (its CommonJS build cannot register from a data: module).
  const tsx = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const source = pathToFileURL(projectPath(workerEntries[entry])).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(source)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData });
}

/** What a worker started by runInWorker posts: progress any number of times, then done or failed. */
export type WorkerMessage<P, R> =
  | { type: 'progress'; progress: P }
  | { type: 'done'; value: R }
  | { type: 'failed'; error: { name: string; code?: string; message: string } };

/** The error a worker reported, rebuilt on this side (its name and code kept). */
export class WorkerError extends Error {
  constructor(
    readonly workerName: string,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerError';
  }
}

/**
 * Runs one task in a fresh worker thread: `onProgress` is awaited for each progress message in
 * order, and the task's value is returned once the worker is done and every progress handler has
 * finished. The thread ends with the task.
 */
export async function runInWorker<P, R>(
  entry: WorkerEntry,
  workerData: unknown,
  onProgress: (progress: P) => Promise<void>,
): Promise<R> {
  const worker = startWorker(entry, workerData);
  let reported = Promise.resolve();
  try {
    const value = await new Promise<R>((resolve, reject) => {
      worker.on('message', (m: WorkerMessage<P, R>) => {
        if (m.type === 'progress') reported = reported.then(() => onProgress(m.progress));
        else if (m.type === 'done') resolve(m.value);
        else reject(new WorkerError(m.error.name, m.error.code, m.error.message));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`worker ${entry} exited (${code}) before it was done`)));
    });
    await reported;
    return value;
  } finally {
    await worker.terminate();
  }
}
