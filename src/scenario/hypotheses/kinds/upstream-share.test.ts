import { describe, expect, it } from 'vitest';
import { scenarioStart } from '../../../../test/support/run-records.ts';
import type { AttemptRecord, RunEvent } from '../../../report/run-events.ts';
import { createHypothesisEvaluator } from '../create-hypothesis-evaluator.ts';

const start = (hypothesis: unknown, client: unknown = {}) =>
  scenarioStart({ hypotheses: [hypothesis], client });

const attempt = (phase: string, endpoint: number | undefined, status = 200): AttemptRecord => ({
  type: 'attempt',
  scenario: 's',
  phase,
  t: 0,
  durationMs: 1,
  status,
  ...(endpoint !== undefined ? { endpoint } : {}),
});

/** steady: round robin over 3 endpoints (3 each); ejected: endpoint 2 got 1 of 10 attempts. */
const events: RunEvent[] = [
  { type: 'phase-start', scenario: 's', phase: 'steady', index: 0, t: 0 },
  ...[1, 2, 3, 1, 2, 3, 1, 2, 3].map((e) => attempt('steady', e)),
  { type: 'phase-end', scenario: 's', phase: 'steady', index: 0, t: 100 },
  { type: 'phase-start', scenario: 's', phase: 'ejected', index: 1, t: 100 },
  attempt('ejected', 2, 503),
  ...[1, 3, 1, 3, 1, 3, 1, 3, 1].map((e) => attempt('ejected', e)),
  { type: 'phase-end', scenario: 's', phase: 'ejected', index: 1, t: 200 },
  { type: 'phase-start', scenario: 's', phase: 'idle', index: 2, t: 200 },
  { type: 'phase-end', scenario: 's', phase: 'idle', index: 2, t: 300 },
];

function verdict(hypothesis: unknown, log: RunEvent[] = events, client?: unknown) {
  const evaluator = createHypothesisEvaluator(hypothesis, start(hypothesis, client));
  for (const event of log) evaluator.observe(event);
  return evaluator.result();
}

describe('upstreamShare hypothesis', () => {
  it('passes when the share of attempts to the endpoint is within the bounds', () => {
    expect(verdict({ phase: 'ejected', upstreamShare: { endpoint: 2, max: 0.1 } })).toMatchObject({
      kind: 'upstreamShare',
      verdict: 'pass',
      expected: 'share of upstream attempts to endpoint 2 <= 0.1',
      observed: '0.1 (1 of 10 attempts went to endpoint 2)',
    });
    expect(verdict({ phase: 'steady', upstreamShare: { endpoint: 3, min: 0.3, max: 0.4 } }).verdict).toBe(
      'pass',
    );
  });

  it('fails when the share is outside the bounds', () => {
    expect(verdict({ phase: 'steady', upstreamShare: { endpoint: 2, max: 0.1 } })).toMatchObject({
      verdict: 'fail',
      observed: '0.333 (3 of 9 attempts went to endpoint 2)',
    });
    expect(verdict({ phase: 'ejected', upstreamShare: { endpoint: 1, min: 0.6 } }).verdict).toBe('fail');
  });

  it('fails without attempts, and as inconclusive when no attempt carries its endpoint', () => {
    expect(verdict({ phase: 'idle', upstreamShare: { endpoint: 1, max: 1 } })).toMatchObject({
      verdict: 'fail',
      observed: 'no upstream attempts',
    });
    const anonymous: RunEvent[] = [
      { type: 'phase-start', scenario: 's', phase: 'steady', index: 0, t: 0 },
      attempt('steady', undefined),
      attempt('steady', undefined),
    ];
    expect(verdict({ upstreamShare: { endpoint: 1, max: 1 } }, anonymous)).toMatchObject({
      verdict: 'fail',
      observed: expect.stringContaining('inconclusive'),
    });
  });

  it('is inconclusive with a custom client adapter that reports no attempts', () => {
    const result = verdict({ phase: 'steady', upstreamShare: { endpoint: 1, min: 0 } }, events, {
      adapter: { reportsAttempts: false, reportsBreaker: true },
    });
    expect(result.verdict).toBe('fail');
    expect(result.observed).toContain('inconclusive');
  });
});
