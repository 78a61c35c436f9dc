/** Median and worst of several warm runs, in milliseconds (one decimal). */
export interface Timing {
  p50: number;
  max: number;
}

/** Runs `fn` once to warm up (plans, caches, lazy modules), then `runs` times, and times those. */
export async function timed(fn: () => Promise<unknown>, runs: number): Promise<Timing> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { p50: round(ms[Math.floor(ms.length / 2)]!), max: round(ms[ms.length - 1]!) };
}
