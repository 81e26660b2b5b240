import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFaultInterceptor } from '../../../src/scenario/faults/http/create-http-fault-interceptor.ts';
import { HttpFaultSet } from '../../../src/scenario/faults/http/http-fault-set.ts';
import type { HttpFaultSpec } from '../../../src/scenario/faults/http/http-fault-spec.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { deriveRandom } from '../../../src/time/random.ts';

interface Outcome {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  body: Buffer;
  error?: Error & { code?: string };
}

/** Sends one request through `dispatch` with an undici 7 handler and collects what arrives. */
function send(pool: Pool, path: string, abortAfter?: (abort: (e: Error) => void) => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const out: Outcome = { body: Buffer.alloc(0) };
    pool.dispatch(
      { origin: pool_origin, method: 'GET', path, headers: { accept: 'application/json' } },
      {
        onRequestStart(controller) {
          abortAfter?.((e) => controller.abort(e));
        },
        onResponseStart(_c, status, headers) {
          out.status = status;
          out.headers = headers;
        },
        onResponseData(_c, chunk) {
          chunks.push(chunk);
        },
        onResponseEnd() {
          out.body = Buffer.concat(chunks);
          resolve(out);
        },
        onResponseError(_c, error) {
          out.body = Buffer.concat(chunks);
          out.error = error;
          resolve(out);
        },
      },
    );
  });
}

let server: Server;
let pool_origin: string;
let hits = 0;
const BODY = JSON.stringify({ ok: true, padding: 'x'.repeat(200) });

beforeAll(async () => {
  server = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
    res.end(BODY);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  pool_origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await once(server, 'close');
});

async function withFaults(
  faults: HttpFaultSpec[],
  fn: (pool: Pool, clock: ManualClock, set: HttpFaultSet) => Promise<void>,
) {
  const clock = new ManualClock();
  const set = new HttpFaultSet({ clock, random: deriveRandom(7, 'http-faults') });
  set.apply(faults);
  const base = new Pool(pool_origin);
  const pool = base.compose(createHttpFaultInterceptor(set)) as unknown as Pool;
  try {
    await fn(pool, clock, set);
  } finally {
    await base.close();
  }
}

describe('http fault interceptor', () => {
  it('passes requests through untouched when no fault is in force', async () => {
    await withFaults([], async (pool) => {
      const before = hits;
      const out = await send(pool, '/v1/x');
      expect(out.status).toBe(200);
      expect(out.body.toString()).toBe(BODY);
      expect(hits).toBe(before + 1);
    });
  });

  it('answers an injected status with Retry-After and a JSON body, without reaching the upstream', async () => {
    await withFaults([{ status: 503, retryAfter: 2 }], async (pool) => {
      const before = hits;
      const out = await send(pool, '/v1/x');
      expect(out.status).toBe(503);
      expect(out.headers?.['retry-after']).toBe('2');
      expect(JSON.parse(out.body.toString()).error.code).toBe('injected_fault');
      expect(hits).toBe(before);
    });
  });

  it('fails with a connection reset for a network error', async () => {
    await withFaults([{ networkError: true }], async (pool) => {
      const out = await send(pool, '/v1/x');
      expect(out.status).toBeUndefined();
      expect(out.error?.code).toBe('ECONNRESET');
    });
  });

  it('truncates the real body after N bytes, then resets', async () => {
    await withFaults([{ truncateBody: { bytes: 10 } }], async (pool) => {
      const out = await send(pool, '/v1/x');
      expect(out.status).toBe(200);
      expect(out.body.toString()).toBe(BODY.slice(0, 10));
      expect(out.error?.code).toBe('ECONNRESET');
    });
  });

  it('serves a malformed body that no JSON parser accepts', async () => {
    await withFaults([{ malformedBody: true }], async (pool) => {
      const out = await send(pool, '/v1/x');
      expect(out.status).toBe(200);
      expect(out.body.toString().startsWith(BODY.slice(0, 20))).toBe(true);
      expect(() => JSON.parse(out.body.toString())).toThrow();
    });
  });

  it('adds latency on the injected clock before the real response', async () => {
    await withFaults([{ delayMs: 500, match: { path: '/v1/*' } }], async (pool, clock) => {
      let done = false;
      const pending = send(pool, '/v1/x').then((o) => {
        done = true;
        return o;
      });
      await clock.advance(499);
      expect(done).toBe(false);
      await clock.advance(1);
      const out = await pending;
      expect(out.status).toBe(200);
      expect(clock.now()).toBeGreaterThanOrEqual(500);
    });
  });

  it('does not delay a request the match excludes', async () => {
    await withFaults([{ delayMs: 500, match: { method: 'POST' } }], async (pool) => {
      expect((await send(pool, '/v1/x')).status).toBe(200);
    });
  });

  it('releases a request aborted during an injected delay and cancels its timer', async () => {
    await withFaults([{ delayMs: 10_000 }], async (pool, clock) => {
      let abort: ((e: Error) => void) | undefined;
      const pending = send(pool, '/v1/x', (a) => {
        abort = a;
      });
      await clock.advance(100);
      abort?.(new Error('attempt timeout'));
      const out = await pending;
      expect(out.error?.message).toBe('attempt timeout');
      expect(clock.pendingTimers).toBe(0);
    });
  });

  it('paces a slow body on the clock', async () => {
    await withFaults([{ slowBody: { bytesPerSec: 100 } }], async (pool, clock) => {
      let done = false;
      const pending = send(pool, '/v1/x').then((o) => {
        done = true;
        return o;
      });
      // Wait for the real response to reach the pacer (real socket I/O).
      await clock.whenTimer();
      await clock.advance(1000);
      expect(done).toBe(false);
      await clock.advance(Math.ceil((BODY.length / 100) * 1000));
      const out = await pending;
      expect(out.body.toString()).toBe(BODY);
      expect(clock.now()).toBeGreaterThanOrEqual(2000);
    });
  });

  it('hits only the first N matching requests', async () => {
    await withFaults([{ status: 500, firstN: 2 }], async (pool) => {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await send(pool, '/v1/x')).status);
      expect(statuses).toEqual([500, 500, 200, 200]);
    });
  });

  it('hits a seeded fraction of requests, the same ones for the same seed', async () => {
    const run = async () => {
      const statuses: Array<number | undefined> = [];
      await withFaults([{ status: 502, rate: 0.5 }], async (pool) => {
        for (let i = 0; i < 20; i++) statuses.push((await send(pool, '/v1/x')).status);
      });
      return statuses;
    };
    const first = await run();
    expect(first.filter((s) => s === 502).length).toBeGreaterThan(3);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(3);
    expect(await run()).toEqual(first);
  });

  it('flaps on and off from when the faults were applied', async () => {
    await withFaults([{ status: 503, flap: { onMs: 100, offMs: 100 } }], async (pool, clock) => {
      expect((await send(pool, '/v1/x')).status).toBe(503);
      await clock.advance(150);
      expect((await send(pool, '/v1/x')).status).toBe(200);
      await clock.advance(100);
      expect((await send(pool, '/v1/x')).status).toBe(503);
    });
  });

  it('stops injecting once the faults are cleared', async () => {
    await withFaults([{ status: 503 }], async (pool, _clock, set) => {
      expect((await send(pool, '/v1/x')).status).toBe(503);
      set.clear();
      expect((await send(pool, '/v1/x')).status).toBe(200);
    });
  });
});
