/**
 * The load generator of bench:intake, run in its own process (see bench/intake.ts): POSTs report
 * bodies from BENCH_BODIES (a JSON array), each connection taking the next body in turn, with
 * autocannon, and prints autocannon's result as JSON.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const bodies = JSON.parse(readFileSync(process.env.BENCH_BODIES!, 'utf8')) as unknown[];
const encoded = bodies.map((b) => JSON.stringify(b));
let next = 0;
const result = await autocannon({
  url: process.env.BENCH_URL!,
  connections: Number(process.env.BENCH_CONNECTIONS),
  duration: Number(process.env.BENCH_SECONDS),
  headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.BENCH_TOKEN}` },
  requests: [
    {
      method: 'POST',
      setupRequest: (req) => ({ ...req, body: encoded[next++ % encoded.length] }),
    },
  ],
});
process.stdout.write(JSON.stringify(result));
