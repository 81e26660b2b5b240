import type { IncomingMessage, ServerResponse } from 'node:http';
import { createClient } from 'faultline';
import { useFaults } from 'faultline/vitest';
import { describe, expect, it, onTestFinished } from 'vitest';

// The dependency: here a stub payments API served by the session (so requests() can show what
// reached it); in your project it may as well be the URL of a container or a local provider.
function payments(req: IncomingMessage, res: ServerResponse) {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ id: 'ch_1', status: 'captured', path: req.url }));
}

describe('checkout against a faulty payments API', () => {
  // Once per file: the fault proxy (or TOXIPROXY_URL) and a proxy in front of payments.
  const faults = useFaults({ upstreams: { payments } });

  const client = () =>
    createClient({
      service: 'payments',
      baseUrl: faults.url('payments'), // through the proxy: TCP faults apply
      interceptors: [faults.interceptor], // HTTP faults apply
      timeoutMs: 1000,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
      breaker: false,
    });

  it('retries through two injected 503s and charges once', async () => {
    const c = client();
    onTestFinished(() => c.close());
    // HTTP layer, for this test only: the first two requests get a 503.
    await faults.apply('payments', { http: { status: 503, firstN: 2 } });

    const res = await c.request({
      method: 'POST',
      path: '/v1/charges',
      json: { amount: 42 },
      idempotencyKey: 'order-42', // makes the POST safe to retry
    });

    expect(res.status).toBe(200);
    expect(res.outcome.attempts).toBe(3);
    // Wire evidence: the two 503s never reached payments; the third attempt did, once.
    expect(faults.requests('payments').filter((r) => r.path === '/v1/charges')).toHaveLength(1);
  });

  it('times out when payments is slow, for one block only', async () => {
    const c = client();
    onTestFinished(() => c.close());
    // TCP layer, for one block: 5 s of latency on every response, undone when the block ends.
    await faults.with('payments', { tcp: { toxic: 'latency', attributes: { latency: 5000 } } }, async () => {
      await expect(c.request({ path: '/v1/charges/ch_1' })).rejects.toMatchObject({
        code: 'FAULTLINE_TIMEOUT',
      });
    });
    // The toxic is gone: the next call is fast again.
    const res = await c.request({ path: '/v1/charges/ch_1' });
    expect(res.status).toBe(200);
  });

  it('starts every test without the faults of the previous ones', async () => {
    const c = client();
    onTestFinished(() => c.close());
    const res = await c.request({ path: '/v1/charges/ch_1' });
    expect(res.outcome.attempts).toBe(1);
  });
});
