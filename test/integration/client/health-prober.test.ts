import { afterEach, describe, expect, it } from 'vitest';
import { EndpointSet } from '../../../src/client/endpoints/endpoint-set.ts';
import { HealthProber } from '../../../src/client/endpoints/health-prober.ts';
import {
  resolveEndpoints,
  resolveHealthCheckOptions,
} from '../../../src/client/endpoints/resolve-endpoint-options.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { type LoopbackServer, startHttpServer } from './loopback-server.ts';

describe('active health checks against real endpoints', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const undo of cleanup.splice(0).reverse()) await undo();
  });

  it('takes a failing endpoint out after unhealthyThreshold probes and brings it back', async () => {
    let sick = true;
    const probes: string[] = [];
    const good = await startHttpServer((req, res) => {
      probes.push(`good ${req.url}`);
      res.end('ok');
    });
    const bad = await startHttpServer((req, res) => {
      probes.push(`bad ${req.url}`);
      res.writeHead(sick ? 503 : 200);
      res.end();
    });
    cleanup.push(
      () => good.close(),
      () => bad.close(),
    );
    const clock = new ManualClock();
    const options = resolveHealthCheckOptions({
      path: '/healthz',
      intervalMs: 1_000,
      timeoutMs: 60_000, // never reached: rounds are driven by the interval only
      unhealthyThreshold: 2,
      healthyThreshold: 2,
    });
    const set = new EndpointSet(
      resolveEndpoints([{ url: good.url }, { url: bad.url }]),
      { loadBalancing: 'round-robin', healthCheck: options },
      clock,
    );
    const prober = new HealthProber(set, options, clock);
    cleanup.push(() => prober.close());
    prober.start();

    await runRounds(clock, prober, 1);
    expect(set.health().endpoints[1]!.status).toBe('healthy');
    await runRounds(clock, prober, 2);
    expect(set.health()).toMatchObject({
      status: 'degraded',
      endpoints: [{ status: 'healthy' }, { status: 'unhealthy' }],
    });
    expect(probes).toContain('bad /healthz');

    sick = false;
    await runRounds(clock, prober, 3);
    expect(set.health().endpoints[1]!.status).toBe('unhealthy');
    await runRounds(clock, prober, 4);
    expect(set.health().status).toBe('healthy');
  });

  it('a probe that does not answer within timeoutMs fails', async () => {
    const held: LoopbackServer['url'][] = [];
    const silent = await startHttpServer((req) => {
      held.push(req.url ?? '');
    });
    cleanup.push(() => silent.close());
    const clock = new ManualClock();
    const options = resolveHealthCheckOptions({
      path: '/h',
      intervalMs: 1_000,
      timeoutMs: 200,
      unhealthyThreshold: 1,
    });
    const set = new EndpointSet(
      resolveEndpoints([{ url: silent.url }]),
      { loadBalancing: 'round-robin', healthCheck: options },
      clock,
    );
    const prober = new HealthProber(set, options, clock);
    cleanup.push(() => prober.close());
    const round = prober.runRound();
    await silent.hitsReached(1);
    await clock.advance(200);
    await round;
    expect(set.health().endpoints[0]!.status).toBe('unhealthy');
  });
});

/**
 * Runs probe rounds until `rounds` completed: advances the clock to the prober's interval
 * timer (the only one pending between rounds), then waits until the real probes answered and
 * the next round is armed (1 s later). Probe timeouts are never fired this way, so a slow
 * machine cannot fail a probe.
 */
async function runRounds(clock: ManualClock, prober: HealthProber, rounds: number): Promise<void> {
  for (let guard = 0; prober.rounds < rounds && guard < 10; guard++) {
    const roundAt = await clock.whenTimer();
    await clock.advanceTo(roundAt);
    await clock.whenTimer((at) => at === roundAt + 1_000);
  }
  expect(prober.rounds).toBe(rounds);
}
