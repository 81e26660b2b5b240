import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../time/manual-clock.ts';
import { createRandom } from '../../time/random.ts';
import type { RetryOptions } from '../client-types.ts';
import { type AttemptResult, type RetryDecisionInput, RetryPolicy } from './retry-policy.ts';

function setup(options: RetryOptions = {}) {
  const clock = new ManualClock(1_000);
  const policy = new RetryPolicy(
    { jitter: 'none', budget: false, ...options },
    { clock, random: createRandom(1) },
  );
  const decide = (result: AttemptResult, more: Partial<RetryDecisionInput> = {}) =>
    policy.decide({
      attempt: 1,
      result,
      method: 'GET',
      deadlineAt: clock.now() + 60_000,
      previousDelayMs: 0,
      ...more,
    });
  return { clock, policy, decide };
}

const status = (s: number, retryAfterMs?: number): AttemptResult =>
  retryAfterMs === undefined ? { kind: 'status', status: s } : { kind: 'status', status: s, retryAfterMs };
const error = (code: string): AttemptResult => ({ kind: 'error', code });

describe('RetryPolicy', () => {
  it('does not retry a success', () => {
    const { decide } = setup();
    expect(decide(status(200))).toEqual({ retry: false, reason: 'success' });
    expect(decide(status(304))).toEqual({ retry: false, reason: 'success' });
  });

  it('retries listed statuses with the backoff delay', () => {
    const { decide } = setup();
    expect(decide(status(503))).toEqual({ retry: true, delayMs: 100 });
    expect(decide(status(429), { attempt: 2 })).toEqual({ retry: true, delayMs: 200 });
  });

  it.each([400, 401, 403, 404, 409, 422, 501])('never retries %i', (s) => {
    const { decide } = setup();
    expect(decide(status(s))).toEqual({ retry: false, reason: 'not-retryable' });
  });

  it('retries network error codes only when enabled', () => {
    for (const code of ['FAULTLINE_NETWORK', 'FAULTLINE_TIMEOUT', 'FAULTLINE_INVALID_RESPONSE']) {
      expect(setup().decide(error(code)).retry).toBe(true);
      expect(setup({ retryOnNetworkError: false }).decide(error(code))).toEqual({
        retry: false,
        reason: 'not-retryable',
      });
    }
  });

  it.each([
    'FAULTLINE_BREAKER_OPEN',
    'FAULTLINE_DEADLINE_EXCEEDED',
    'FAULTLINE_ABORTED',
    'FAULTLINE_BODY_TOO_LARGE',
    'SOMETHING_ELSE',
  ])('never retries %s', (code) => {
    expect(setup().decide(error(code))).toEqual({ retry: false, reason: 'not-retryable' });
  });

  it('stops at maxAttempts (off by one on both sides)', () => {
    const { decide } = setup({ maxAttempts: 3 });
    expect(decide(status(503), { attempt: 2 }).retry).toBe(true);
    expect(decide(status(503), { attempt: 3 })).toEqual({ retry: false, reason: 'max-attempts' });
    expect(setup({ maxAttempts: 1 }).decide(status(503))).toEqual({ retry: false, reason: 'max-attempts' });
  });

  it('retries POST and PATCH only with an idempotency key', () => {
    const { decide } = setup();
    expect(decide(status(503), { method: 'POST' })).toEqual({ retry: false, reason: 'not-idempotent' });
    expect(decide(status(503), { method: 'PATCH' })).toEqual({ retry: false, reason: 'not-idempotent' });
    expect(decide(status(503), { method: 'POST', idempotencyKey: 'k1' }).retry).toBe(true);
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'get']) {
      expect(decide(status(503), { method }).retry).toBe(true);
    }
  });

  it('waits at least Retry-After', () => {
    const { decide } = setup();
    expect(decide(status(503, 2_500))).toEqual({ retry: true, delayMs: 2_500 });
    expect(decide(status(503, 10), { attempt: 2 })).toEqual({ retry: true, delayMs: 200 });
  });

  it('gives up when Retry-After exceeds maxDelayMs (never fires early, never waits past the cap)', () => {
    const { decide } = setup({ maxDelayMs: 1_000 });
    expect(decide(status(503, 1_000))).toEqual({ retry: true, delayMs: 1_000 });
    expect(decide(status(503, 1_001))).toEqual({ retry: false, reason: 'deadline' });
  });

  it('ignores Retry-After when told to', () => {
    const { decide } = setup({ respectRetryAfter: false });
    expect(decide(status(503, 60_000))).toEqual({ retry: true, delayMs: 100 });
  });

  it('gives up when the delay would reach the deadline', () => {
    const { decide, clock } = setup();
    expect(decide(status(503), { deadlineAt: clock.now() + 101 }).retry).toBe(true);
    expect(decide(status(503), { deadlineAt: clock.now() + 100 })).toEqual({
      retry: false,
      reason: 'deadline',
    });
  });

  it('charges the budget only for granted retries', () => {
    const { decide, policy } = setup({ budget: { ratio: 0, minRetriesPerWindow: 2, windowMs: 1_000 } });
    expect(decide(status(404)).retry).toBe(false); // not charged
    expect(decide(status(503), { method: 'POST' }).retry).toBe(false); // not charged
    expect(decide(status(503)).retry).toBe(true);
    expect(decide(status(503)).retry).toBe(true);
    expect(decide(status(503))).toEqual({ retry: false, reason: 'budget-exhausted' });
    expect(policy.budgetAvailable).toBe(0);
  });

  it('onCallStart feeds the budget ratio', () => {
    const { decide, policy } = setup({ budget: { ratio: 0.5, minRetriesPerWindow: 0, windowMs: 1_000 } });
    expect(decide(status(503))).toEqual({ retry: false, reason: 'budget-exhausted' });
    policy.onCallStart();
    policy.onCallStart();
    expect(decide(status(503)).retry).toBe(true);
    expect(decide(status(503)).retry).toBe(false);
  });
});
