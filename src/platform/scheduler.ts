import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './context.js';
import type { Job } from '../modules/module.js';

/** Upper bound of back-to-back batches per tick, so one job cannot starve the others. */
const MAX_BATCHES_PER_TICK = 50;

/**
 * Runs named jobs on their schedules. Each tick runs batches until a job reports no more work
 * (bounded); jobs are written to be safe with several processes running them at once.
 */
export function startScheduler(
  ctx: AppContext,
  jobs: Job[],
  log: FastifyBaseLogger,
): { stop(): Promise<void> } {
  let stopped = false;
  const running = new Set<Promise<void>>();
  const timers = jobs.map((job) => {
    let busy = false;
    const tick = async () => {
      if (busy || stopped) return;
      busy = true;
      try {
        for (let i = 0; i < MAX_BATCHES_PER_TICK && !stopped; i++) {
          const handled = await job.run(ctx);
          if (handled > 0) log.info({ job: job.name, handled }, 'job batch done');
          if (handled === 0) break;
        }
      } catch (err) {
        log.error({ err, job: job.name }, 'job failed; retrying next tick');
      } finally {
        busy = false;
      }
    };
    const fire = () => {
      const p = tick();
      running.add(p);
      void p.finally(() => running.delete(p));
    };
    fire();
    return setInterval(fire, job.everyMs(ctx));
  });
  return {
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.all(running);
    },
  };
}
