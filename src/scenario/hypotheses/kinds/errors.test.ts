import { describe, expect, it } from 'vitest';
import { callRecord, scenarioStart } from '../../../../test/support/run-records.ts';
import type { CallRecord, RunEvent } from '../../../report/run-events.ts';
import { createHypothesisEvaluator } from '../create-hypothesis-evaluator.ts';

const start = (hypothesis: unknown) => scenarioStart({ service: 'search', hypotheses: [hypothesis] });

const call = (phase: string, errorCode?: string): CallRecord =>
  callRecord(0, 1, errorCode === undefined ? 'ok' : 'failed', {
    phase,
    ...(errorCode !== undefined ? { errorCode } : {}),
    attempts: errorCode === 'FAULTLINE_BULKHEAD_FULL' ? 0 : 1,
  });

/** steady: 3 ok calls; saturated: 2 ok, 3 rejected by the bulkhead, 1 timeout. */
const events: RunEvent[] = [
  { type: 'phase-start', scenario: 's', phase: 'steady', index: 0, t: 0 },
  call('steady'),
  call('steady'),
  call('steady'),
  { type: 'phase-end', scenario: 's', phase: 'steady', index: 0, t: 100 },
  { type: 'phase-start', scenario: 's', phase: 'saturated', index: 1, t: 100 },
  call('saturated'),
  call('saturated', 'FAULTLINE_BULKHEAD_FULL'),
  call('saturated', 'FAULTLINE_BULKHEAD_FULL'),
  call('saturated', 'FAULTLINE_TIMEOUT'),
  call('saturated', 'FAULTLINE_BULKHEAD_FULL'),
  call('saturated'),
  { type: 'phase-end', scenario: 's', phase: 'saturated', index: 1, t: 200 },
];

function verdict(hypothesis: unknown) {
  const evaluator = createHypothesisEvaluator(hypothesis, start(hypothesis));
  for (const event of events) evaluator.observe(event);
  return evaluator.result();
}

describe('errors hypothesis', () => {
  it('passes when the calls failing with the code are within the bounds', () => {
    const result = verdict({
      phase: 'saturated',
      errors: { code: 'FAULTLINE_BULKHEAD_FULL', min: 1, max: 3 },
    });
    expect(result).toMatchObject({
      kind: 'errors',
      verdict: 'pass',
      expected: 'calls failing with FAULTLINE_BULKHEAD_FULL in [1, 3]',
      observed: '3 of 6 calls failed with FAULTLINE_BULKHEAD_FULL (rate 0.5)',
    });
  });

  it('counts only its own code and its own phase', () => {
    expect(verdict({ phase: 'saturated', errors: { code: 'FAULTLINE_TIMEOUT', max: 1 } }).verdict).toBe(
      'pass',
    );
    expect(verdict({ phase: 'steady', errors: { code: 'FAULTLINE_BULKHEAD_FULL', max: 0 } }).verdict).toBe(
      'pass',
    );
  });

  it('fails when there are fewer or more than the bounds allow', () => {
    expect(verdict({ phase: 'steady', errors: { code: 'FAULTLINE_BULKHEAD_FULL', min: 1 } })).toMatchObject({
      verdict: 'fail',
      observed: '0 of 3 calls failed with FAULTLINE_BULKHEAD_FULL (rate 0)',
    });
    expect(verdict({ errors: { code: 'FAULTLINE_BULKHEAD_FULL', max: 2 } }).verdict).toBe('fail');
  });
});
