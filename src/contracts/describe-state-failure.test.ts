import { describe, expect, it } from 'vitest';
import { attachStateFailures, fillStateParams } from './describe-state-failure.ts';

describe('fillStateParams', () => {
  it('fills placeholders and lists the parameters the name does not mention', () => {
    expect(fillStateParams('payment {id} exists', { id: 'pay-9' })).toBe('payment pay-9 exists');
    expect(fillStateParams('a payment exists', { amount: 25 })).toBe('a payment exists {"amount":25}');
    expect(fillStateParams('model {model} at {n}', { model: 'm', n: 2, x: true })).toBe(
      'model m at 2 {"x":true}',
    );
    expect(fillStateParams('left {alone}', {})).toBe('left {alone}');
  });
});

describe('attachStateFailures', () => {
  const interactions = [
    { description: 'a payment', states: ['a payment exists'], stateParams: [{ amount: 25 }] },
    { description: 'another payment', states: ['a payment exists'], stateParams: [{ amount: 40 }] },
  ];
  const pass = (interaction: string) => ({
    provider: 'p',
    consumer: 'c',
    interaction,
    verdict: 'pass' as const,
  });

  it('fails only the interaction whose state and parameters failed, naming the failure once', () => {
    const failure = {
      state: 'a payment exists',
      params: { amount: 40 },
      action: 'teardown' as const,
      message: 'boom',
    };
    const results = attachStateFailures(
      [pass('a payment (given a payment exists)'), pass('another payment (given a payment exists)')],
      [failure, failure],
      interactions,
    );
    expect(results.map((r) => r.verdict)).toEqual(['pass', 'fail']);
    expect(results[1]?.message).toBe(
      'teardown of provider state "a payment exists {"amount":40}" failed: boom',
    );
  });
});
