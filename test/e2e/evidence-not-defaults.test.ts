import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { RunEvent } from '../../src/report/run-events.ts';
import type { RunResult } from '../../src/report/run-result.ts';
import { toCallRecord } from '../../src/scenario/load/to-call-record.ts';
import { fakeCliIo } from '../support/fake-cli-io.ts';
import { type OwnServiceProject, ownServiceProject, realScenario } from '../support/own-service-project.ts';

/** A user's client (docs/custom-client.md): plain undici, no outcome, no onAttempt, no breaker. */
const FIXTURE_CLIENT = fileURLToPath(new URL('../fixtures/custom-client.ts', import.meta.url));

let project: OwnServiceProject;
beforeEach(async () => {
  project = await ownServiceProject();
});
afterEach(() => project.close());

describe('evidence, not defaults', () => {
  it('a call whose client reports no outcome records no attempt count (not 1)', () => {
    const record = toCallRecord(
      { response: { status: 200 } },
      {
        scenario: 's',
        phase: 'p',
        t: 0,
        latencyMs: 1,
        deadlineMs: 1000,
        deadlineSlackMs: 0,
        breakerState: 'closed',
      },
    );
    expect(record.attempts).toBeUndefined();
    expect(record.shortCircuited).toBeUndefined();
  });

  it('a client that reports nothing about itself: figures come from the wire, the rest is inconclusive and unknown', async () => {
    const file = await project.scenario(
      'custom.yaml',
      realScenario(
        'custom client evidence',
        [{ name: 'steady', durationMs: 400 }],
        ['{ attemptsPerCall: { max: 1.5 } }', '{ fallbacks: { max: 0 } }', '{ calls: { min: 1 } }'],
        { concurrency: 1, ratePerSec: 25 },
      ),
    );
    const io = fakeCliIo({ cwd: project.dir });

    const code = await main(['run', file, '--client', FIXTURE_CLIENT, '--report-dir', 'out'], io);

    // Before: attemptsPerCall held on an assumed 1 attempt per call, and the run passed. Now the
    // attempts are counted on the wire (the HTTP fault proxy), and what only the client could
    // say (its fallbacks) is inconclusive.
    expect(code).toBe(1);
    const report = JSON.parse(await readFile(join(project.dir, 'out', 'report.json'), 'utf8')) as RunResult;
    const s = report.scenarios[0]!;
    expect(s.hypotheses.map((h) => [h.kind, h.verdict])).toEqual([
      ['attemptsPerCall', 'pass'],
      ['fallbacks', 'fail'],
      ['calls', 'pass'],
    ]);
    expect(s.hypotheses[0]!.observed).toMatch(/requests on the wire/);
    expect(s.hypotheses[1]!.observed).toMatch(/^inconclusive: the client reported no outcome/);
    expect(s.metrics.calls).toBeGreaterThan(0);
    expect(s.metrics.measuredOn).toBe('wire');
    expect(s.metrics.upstreamCalls).toBeGreaterThanOrEqual(s.metrics.calls);
    expect(s.metrics.attemptsPerCall).toBe(s.metrics.upstreamCalls! / s.metrics.calls);
    expect(s.metrics).toMatchObject({
      upstreamCallsWhileOpen: null,
      fallbacks: null,
      shortCircuits: null,
      breakerTransitionCount: null,
    });
    expect(s.timeSeries.buckets.every((b) => b.breakerState === null)).toBe(true);
    // Which client ran, and a replay that drives it again.
    expect(s.clientModule).toBe(FIXTURE_CLIENT);
    expect(s.replayCommand).toContain(`--client ${FIXTURE_CLIENT}`);
    expect(io.out()).toContain('requests/call on the wire, unknown short-circuited, unknown fallbacks');
    expect(io.out()).toContain(`client: --client ${FIXTURE_CLIENT}`);
    const html = await readFile(join(project.dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('Unknown: the client under test exposes no breaker');
    expect(html).not.toContain('class="breaker closed"');
    expect(html).toContain(`--client ${FIXTURE_CLIENT}`);
    const summary = await readFile(join(project.dir, 'out', 'summary.md'), 'utf8');
    expect(summary).toContain(`Client under test: \`--client ${FIXTURE_CLIENT}\``);
    const log = (await readFile(join(project.dir, 'out', 'events.ndjson'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as RunEvent);
    expect(
      log.filter((e) => e.type === 'call').every((c) => c.type === 'call' && c.attempts === undefined),
    ).toBe(true);
    expect(log.filter((e) => e.type === 'wire').length).toBe(s.metrics.upstreamCalls);
  });
});
