import { describe, expect, it } from 'vitest';
import { createClient } from '../../../src/client/create-client.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { closeAfterEach } from '../../support/close-after-each.ts';
import { startHttpServer } from './loopback-server.ts';

const closeLater = closeAfterEach();

describe('a client with many calls waiting out a backoff', () => {
  it('warns of no listener leak: each wait listens on the close signal and lets go', async () => {
    const server = closeLater(await startHttpServer((_req, res) => res.writeHead(503).end()));
    const clock = new ManualClock();
    const client = closeLater(
      createClient({
        service: 'busy',
        baseUrl: server.url,
        clock,
        retry: { maxAttempts: 2, baseDelayMs: 1_000, budget: false },
        breaker: false,
      }),
    );
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      let retries = 0;
      let allWaiting!: () => void;
      const waiting = new Promise<void>((resolve) => {
        allWaiting = resolve;
      });
      client.onRetry(() => {
        if (++retries === 20) allWaiting();
      });
      const calls = Array.from({ length: 20 }, () => client.request({ path: '/' }).catch((e) => e));
      await waiting;
      // A warning is emitted on a later tick: let one pass.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
      await clock.advance(2_000);
      const results = await Promise.all(calls);
      expect(results.every((r) => (r as { code?: string }).code === 'FAULTLINE_HTTP_STATUS')).toBe(true);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
