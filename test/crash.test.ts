import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { signedHeaders } from '../src/modules/channels/signature.js';

/**
 * Kill -9 in the middle of a webhook stream: a real server process (npm start's entry point)
 * takes signed deliveries from a channel that retries until acknowledged, as real channels do,
 * and delivers acknowledgements back by webhook and SMS. The process is killed while both
 * streams are in flight and started again on the same database. Afterwards every message the
 * channel sent is exactly one report, and every report's acknowledgements arrived — at least
 * once, and never as two different messages.
 */

const TOTAL = 120;
const KILL_AFTER = 45;
const PASSWORD = 'crash-test-pass';

async function freePort(): Promise<number> {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Receives callbacks and SMS; answers slowly so deliveries are in flight when the server dies. */
async function receiver(delayMs: number) {
  const hits: Array<Record<string, unknown>> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(() => {
        hits.push(JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>);
        res.end('{}');
      }, delayMs);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { hits, url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const pgUrl = process.env.DATABASE_URL;
const schema = `crash_${randomBytes(5).toString('hex')}`;
const dataDir = mkdtempSync(join(tmpdir(), 'zhicheng-crash-'));
let child: ChildProcess | null = null;

afterAll(async () => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  if (pgUrl) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
});

describe('a server killed mid-stream', () => {
  it(
    'loses and doubles nothing: inbound webhooks and outbound notifications',
    { timeout: 240_000 },
    async () => {
      const callbacks = await receiver(30);
      const sms = await receiver(30);
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const env = {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DEMO_PASSWORD: PASSWORD,
        SCRYPT_COST_LOG2: '10',
        SMS_GATEWAY_URL: sms.url,
        OUTBOX_INTERVAL_MS: '100',
        OUTBOX_TIMEOUT_MS: '1000',
        ...(pgUrl ? { DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema } : { DATA_DIR: dataDir }),
      };
      let log = '';
      const start = async () => {
        child = spawn(process.execPath, ['scripts/launch.mjs', 'main'], {
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
        child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
        for (let i = 0; i < 1200; i++) {
          const ok = await fetch(`${base}/healthz`).then(
            (r) => r.ok,
            () => false,
          );
          if (ok) return;
          if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`server did not start:\n${log}`);
      };
      await start();

      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: PASSWORD }),
      });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const created = await fetch(`${base}/api/channels`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          code: 'c12315',
          name: '12315 平台',
          kind: 'webhook',
          callbackUrl: callbacks.url,
          fieldMapping: { fields: { externalId: 'id', text: 'content', reporterPhone: 'phone' } },
        }),
      });
      expect(created.status, await created.clone().text()).toBe(201);
      const { secret } = (await created.json()) as { secret: string };

      // The channel: sends each message until it is acknowledged, like a real platform's retry queue.
      const acknowledged = new Map<string, string>();
      let killed = false;
      const send = async (i: number) => {
        const id = `T-${String(i).padStart(5, '0')}`;
        const body = JSON.stringify({
          id,
          content: `第${i}号投诉：商户占道经营`,
          phone: `1380000${String(i).padStart(4, '0')}`,
        });
        // Only a dropped connection (the kill) is retried, for at most a minute; any answer but
        // 200/201 fails the test.
        for (let attempt = 0; attempt < 300; attempt++) {
          let res: Response;
          try {
            res = await fetch(`${base}/api/inbound/c12315`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...signedHeaders(secret, body) },
              body,
            });
          } catch (err) {
            if (!killed) throw err;
            lastError = (err as Error).message;
            await new Promise((r) => setTimeout(r, 200));
            continue;
          }
          if (res.status !== 200 && res.status !== 201) {
            throw new Error(`HTTP ${res.status}: ${await res.text()}`);
          }
          acknowledged.set(id, ((await res.json()) as { caseNumber: string }).caseNumber);
          return;
        }
        throw new Error(`message ${id} was never acknowledged: ${lastError}`);
      };
      let atKill = { acknowledged: 0, callbacks: 0, sms: 0 };
      let lastError = '';
      const queue = Array.from({ length: TOTAL }, (_, i) => i);
      const restarted = (async () => {
        while (acknowledged.size < KILL_AFTER) await new Promise((r) => setTimeout(r, 10));
        killed = true;
        child!.kill('SIGKILL');
        atKill = { acknowledged: acknowledged.size, callbacks: callbacks.hits.length, sms: sms.hits.length };
        await once(child!, 'exit');
        await start();
        if (process.env.CRASH_DEBUG) console.info('restarted', acknowledged.size, log.slice(-2000));
      })();
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let i = queue.shift(); i !== undefined; i = queue.shift()) await send(i);
        }),
      );
      await restarted;
      expect(acknowledged.size).toBe(TOTAL);
      // The kill fell mid-stream on both sides: some messages were in, some acknowledgements out.
      expect(atKill.acknowledged).toBeLessThan(TOTAL);
      expect(atKill.callbacks).toBeGreaterThan(0);
      console.info('at kill', atKill, 'last error while down', lastError);

      // Wait for the outbox to drain: one 'received' callback and one SMS per message. (The demo's
      // classifier may also dispatch some cases at once; those callbacks are other events.)
      const distinct = (hits: Array<Record<string, unknown>>, key: string) =>
        new Set(hits.map((h) => h[key]));
      const acks = () => callbacks.hits.filter((h) => h.event === 'received');
      for (let i = 0; i < 600; i++) {
        if (distinct(acks(), 'externalId').size === TOTAL && distinct(sms.hits, 'to').size === TOTAL) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // Nothing lost: every message got its acknowledgement both ways, naming the right case.
      expect(distinct(acks(), 'externalId').size).toBe(TOTAL);
      expect(distinct(sms.hits, 'to').size).toBe(TOTAL);
      for (const hit of callbacks.hits) {
        expect(hit.caseNumber).toBe(acknowledged.get(hit.externalId as string));
      }
      // Nothing doubled: repeats (a send cut short by the kill, or timed out) carry the same
      // delivery id, so the receiver drops them; there is exactly one message per acknowledgement.
      expect(distinct(acks(), 'deliveryId').size).toBe(TOTAL);
      expect(distinct(sms.hits, 'requestId').size).toBe(TOTAL);
      console.info('repeated deliveries (same id):', acks().length - TOTAL, sms.hits.length - TOTAL);
      // Exactly one report (and one case) per message the channel sent.
      const cases = new Set(acknowledged.values());
      expect(cases.size).toBe(TOTAL);

      child!.kill('SIGTERM');
      await once(child!, 'exit');
      child = null;
      await Promise.all([callbacks.close(), sms.close()]);
    },
  );
});
