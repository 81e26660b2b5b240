import { describe, expect, it } from 'vitest';
import { hypothesisKind } from './hypothesis-schema.ts';
import { resolveScenarioMode } from './resolve-scenario-mode.ts';
import { scenarioSchema } from './scenario-schema.ts';

const minimal = {
  name: 'minimal',
  service: 'inference',
  load: { request: { path: '/v1/predict' } },
  phases: [{ name: 'steady', durationMs: 100 }],
};

function withFaults(faults: unknown[], extra: Record<string, unknown> = {}) {
  return { ...minimal, ...extra, phases: [{ name: 'p', durationMs: 100, faults }] };
}

describe('scenarioSchema', () => {
  it('applies the documented defaults', () => {
    const scenario = scenarioSchema.parse(minimal);
    expect(scenario.seed).toBe(1);
    expect(scenario.mode).toBe('auto');
    expect(scenario.load).toEqual({
      concurrency: 1,
      maxCalls: 10_000,
      request: { method: 'GET', path: '/v1/predict' },
    });
    expect(scenario.phases[0]!.faults).toEqual([]);
    expect(scenario.hypotheses).toEqual([]);
  });

  it('resolves tcp faults into their discriminated form with defaults', () => {
    const scenario = scenarioSchema.parse(
      withFaults([
        { tcp: { down: true } },
        { tcp: { toxic: 'latency', attributes: { latency: 500, jitter: 50 } } },
        { tcp: { toxic: 'reset_peer', stream: 'upstream', toxicity: 0.3 } },
      ]),
    );
    expect(scenario.phases[0]!.faults).toEqual([
      { tcp: { down: true } },
      {
        tcp: {
          toxic: 'latency',
          stream: 'downstream',
          toxicity: 1,
          attributes: { latency: 500, jitter: 50 },
        },
      },
      { tcp: { toxic: 'reset_peer', stream: 'upstream', toxicity: 0.3, attributes: {} } },
    ]);
  });

  it('resolves the effect of http faults', () => {
    const scenario = scenarioSchema.parse(
      withFaults([
        { http: { match: { path: '/v1/*' }, rate: 0.5, status: 503, retryAfter: 2, body: { error: 'x' } } },
        { http: { firstN: 2, networkError: true } },
        { http: { truncateBody: { bytes: 10 } } },
        { http: { malformedBody: true, flap: { onMs: 100, offMs: 200 } } },
        { http: { slowBody: { bytesPerSec: 64 } } },
        { http: { delayMs: { uniform: [100, 400] } } },
        { http: { delayMs: 50, status: 500, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' } },
      ]),
    );
    const faults = scenario.phases[0]!.faults.map((f) => f.http!);
    expect(faults.map((f) => f.effect)).toEqual([
      { kind: 'status', status: 503, retryAfter: 2, body: { error: 'x' } },
      { kind: 'networkError' },
      { kind: 'truncateBody', bytes: 10 },
      { kind: 'malformedBody' },
      { kind: 'slowBody', bytesPerSec: 64 },
      undefined,
      { kind: 'status', status: 500, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' },
    ]);
    expect(faults[0]!.match).toEqual({ path: '/v1/*' });
    expect(faults[1]!.rate).toBe(1);
    expect(faults[1]!.match).toEqual({});
    expect(faults[5]!.delayMs).toEqual({ uniform: [100, 400] });
  });

  it('accepts every hypothesis kind and tells them apart', () => {
    const hypotheses = [
      { successRate: { min: 0.9, max: 1 } },
      { latencyMs: { p50: { max: 10 }, p99: { max: 100 } } },
      { breaker: { opensWithinCalls: 10 } },
      { upstreamCalls: { max: 15, whileOpen: true } },
      { fallbacks: { minRate: 0.5 } },
      { attemptsPerCall: { max: 1.5 } },
      { deadline: { neverExceeded: true } },
      { calls: { min: 1 } },
    ];
    const scenario = scenarioSchema.parse({ ...minimal, hypotheses });
    expect(scenario.hypotheses.map(hypothesisKind)).toEqual([
      'successRate',
      'latencyMs',
      'breaker',
      'upstreamCalls',
      'fallbacks',
      'attemptsPerCall',
      'deadline',
      'calls',
    ]);
  });

  it('rejects what the format forbids', () => {
    const bad: unknown[] = [
      { ...minimal, extra: 1 },
      withFaults([{ tcp: { down: true, toxic: 'latency' } }]),
      withFaults([{ tcp: { down: true, toxicity: 0.5 } }]),
      withFaults([{ tcp: { toxic: 'noop', attributes: { latency: 1 } } }]),
      withFaults([{ tcp: { toxic: 'latency', attributes: { latency: 1.5 } } }]),
      withFaults([{ http: { body: {} } }]),
      withFaults([{ http: { match: { path: 'v1' }, status: 500 } }]),
      withFaults([{ http: { delayMs: { uniform: [1, 2], exponential: { mean: 1 } } } }]),
      { ...minimal, load: { request: { path: '/', json: {}, body: 'x' } } },
      { ...minimal, hypotheses: [{ breaker: { opens: true, neverOpens: true } }] },
      { ...minimal, hypotheses: [{ calls: { min: 5, max: 1 } }] },
    ];
    for (const value of bad)
      expect(scenarioSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
  });
});

describe('resolveScenarioMode', () => {
  it('is virtual for auto with only http faults, real as soon as one tcp fault appears', () => {
    const http = scenarioSchema.parse(withFaults([{ http: { status: 503 } }]));
    const tcp = scenarioSchema.parse(withFaults([{ tcp: { down: true } }]));
    expect(resolveScenarioMode(http)).toBe('virtual');
    expect(resolveScenarioMode(tcp)).toBe('real');
    expect(resolveScenarioMode({ ...http, mode: 'real' })).toBe('real');
  });
});
