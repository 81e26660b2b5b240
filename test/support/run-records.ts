import type { CallRecord } from '../../src/report/run-events.ts';

/**
 * A `call` record of scenario "s", phase "p": one attempt, breaker closed, no short
 * circuit, deadline 1000 ms not exceeded; `overrides` replaces any field.
 *
 * @example
 * series.observeCall(callRecord(200, 7, 'failed'));
 */
export function callRecord(
  t: number,
  latencyMs: number,
  outcome: CallRecord['outcome'] = 'ok',
  overrides: Partial<CallRecord> = {},
): CallRecord {
  return {
    type: 'call',
    scenario: 's',
    phase: 'p',
    t,
    latencyMs,
    outcome,
    attempts: 1,
    breakerState: 'closed',
    shortCircuited: false,
    deadlineMs: 1000,
    deadlineExceeded: false,
    ...overrides,
  };
}
