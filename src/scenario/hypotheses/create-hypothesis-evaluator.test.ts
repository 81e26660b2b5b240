import { describe, expect, it } from 'vitest';
import { callRecord, scenarioStart } from '../../../test/support/run-records.ts';
import type { CallRecord, RunEvent } from '../../report/run-events.ts';
import { createHypothesisEvaluator } from './create-hypothesis-evaluator.ts';

const start = (hypotheses: unknown[]) => scenarioStart({ hypotheses });

const call = (phase: string, t: number, over: Partial<CallRecord> = {}): CallRecord =>
  callRecord(t, 10, 'ok', { phase, ...over });

/** steady: 4 ok calls; outage: 5 failures open the breaker at t=1050, then 3 short-circuits; a probe at 1200 closes it. */
const events: RunEvent[] = [
  { type: 'phase-start', scenario: 's', phase: 'steady', index: 0, t: 0 },
  call('steady', 0),
  call('steady', 10),
  call('steady', 20),
  call('steady', 30, { latencyMs: 400 }),
  { type: 'phase-end', scenario: 's', phase: 'steady', index: 0, t: 1000 },
  { type: 'phase-start', scenario: 's', phase: 'outage', index: 1, t: 1000 },
  ...[0, 1, 2, 3, 4].flatMap((i): RunEvent[] => [
    { type: 'attempt', scenario: 's', phase: 'outage', t: 1000 + i * 10, durationMs: 10, status: 503 },
    call('outage', 1000 + i * 10, { outcome: 'failed', status: 503, attempts: 1 }),
  ]),
  { type: 'breaker', scenario: 's', phase: 'outage', t: 1050, from: 'closed', to: 'open' },
  ...[0, 1, 2].map((i) =>
    call('outage', 1050 + i, {
      outcome: 'ok',
      attempts: 0,
      shortCircuited: true,
      breakerState: 'open',
      fallback: 'default',
      latencyMs: 0.2,
    }),
  ),
  { type: 'breaker', scenario: 's', phase: 'outage', t: 1200, from: 'open', to: 'half-open' },
  { type: 'attempt', scenario: 's', phase: 'outage', t: 1200, durationMs: 5, status: 200 },
  { type: 'breaker', scenario: 's', phase: 'outage', t: 1205, from: 'half-open', to: 'closed' },
  call('outage', 1200, { latencyMs: 5, deadlineExceeded: true, deadlineMs: 4 }),
  { type: 'phase-end', scenario: 's', phase: 'outage', index: 1, t: 2000 },
  { type: 'scenario-end', scenario: 's', t: 2000, interrupted: false },
];

function verdict(hypothesis: unknown) {
  const evaluator = createHypothesisEvaluator(hypothesis, start([hypothesis]));
  for (const event of events) evaluator.observe(event);
  return evaluator.result();
}

describe('createHypothesisEvaluator', () => {
  it.each([
    [{ phase: 'steady', successRate: { min: 1 } }, 'pass'],
    [{ phase: 'outage', successRate: { min: 0.5 } }, 'fail'],
    [{ successRate: { min: 0.6, max: 0.7 } }, 'pass'],
    [{ phase: 'steady', latencyMs: { p50: { max: 10 }, max: { max: 400 } } }, 'pass'],
    [{ phase: 'steady', latencyMs: { p99: { max: 100 } } }, 'fail'],
    [{ phase: 'outage', breaker: { opensWithinCalls: 5 } }, 'pass'],
    [{ phase: 'outage', breaker: { opensWithinCalls: 4 } }, 'fail'],
    [{ phase: 'steady', breaker: { opensWithinCalls: 10 } }, 'fail'],
    [{ phase: 'outage', breaker: { closesWithinMs: 205 } }, 'pass'],
    [{ phase: 'steady', breaker: { closesWithinMs: 0 } }, 'pass'],
    [{ phase: 'steady', breaker: { neverOpens: true } }, 'pass'],
    [{ breaker: { neverOpens: true } }, 'fail'],
    [{ phase: 'outage', breaker: { opens: true } }, 'pass'],
    [{ phase: 'outage', upstreamCalls: { max: 6, min: 6 } }, 'pass'],
    [{ phase: 'outage', upstreamCalls: { whileOpen: true, max: 1, min: 1 } }, 'pass'],
    [{ phase: 'outage', upstreamCalls: { whileOpen: true, max: 0 } }, 'fail'],
    [{ phase: 'outage', fallbacks: { min: 3, minRate: 0.3 } }, 'pass'],
    [{ phase: 'outage', fallbacks: { minRate: 0.5 } }, 'fail'],
    [{ phase: 'outage', attemptsPerCall: { max: 0.7 } }, 'pass'],
    [{ phase: 'outage', attemptsPerCall: { max: 0.6 } }, 'fail'],
    [{ phase: 'steady', deadline: { neverExceeded: true } }, 'pass'],
    [{ deadline: { neverExceeded: true } }, 'fail'],
    [{ phase: 'steady', calls: { min: 4, max: 4 } }, 'pass'],
    [{ calls: { max: 5 } }, 'fail'],
    [{ phase: 'recovery', calls: { min: 0 } }, 'fail'],
  ])('%j -> %s', (hypothesis, expected) => {
    const result = verdict(hypothesis);
    expect(result.verdict, `${result.expected} / ${result.observed}`).toBe(expected);
  });

  it('describes the verdict with its phase, kind and position', () => {
    const hypotheses = [{ calls: { min: 1 } }, { phase: 'outage', breaker: { opensWithinCalls: 5 } }];
    const evaluator = createHypothesisEvaluator(hypotheses[1], start(hypotheses));
    for (const event of events) evaluator.observe(event);
    expect(evaluator.result()).toEqual({
      index: 1,
      phase: 'outage',
      kind: 'breaker',
      description: 'outage: breaker opens within 5 calls',
      expected: 'breaker opens within 5 calls',
      observed: 'opened after 5 calls, 50 ms into outage',
      verdict: 'pass',
    });
  });
});
