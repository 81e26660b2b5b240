import { describe, expect, it } from 'vitest';
import { parseVerificationOutput } from './parse-verification-output.ts';

const pact = {
  consumer: 'faultline',
  provider: 'search-service',
  interactions: [
    { description: 'a search', states: ['documents matching {query} exist'] },
    { description: 'a health check', states: [] },
  ],
};

describe('parseVerificationOutput', () => {
  it('names passing interactions with their provider states', () => {
    const raw = JSON.stringify({
      result: true,
      errors: [],
      interactionResults: [
        { description: 'a search', result: 'OK' },
        { description: 'a health check', result: 'OK' },
      ],
    });
    expect(parseVerificationOutput(raw, pact)).toEqual([
      {
        provider: 'search-service',
        consumer: 'faultline',
        interaction: 'a search (given documents matching {query} exist)',
        verdict: 'pass',
      },
      { provider: 'search-service', consumer: 'faultline', interaction: 'a health check', verdict: 'pass' },
    ]);
  });

  it('turns mismatches into one readable line per field', () => {
    const raw = JSON.stringify({
      result: false,
      errors: [
        {
          interaction:
            'Verifying a pact between faultline and search-service Given documents matching {query} exist - a search',
          mismatch: {
            type: 'mismatches',
            mismatches: [
              { type: 'StatusMismatch', expected: 200, actual: 500, mismatch: 'expected 200 but was 500' },
              {
                type: 'HeaderMismatch',
                key: 'Retry-After',
                expected: '"1"',
                actual: '',
                mismatch: 'missing',
              },
              {
                type: 'BodyMismatch',
                path: '$.hits[0].score',
                expected: '0.25',
                actual: '"0.3"',
                mismatch: "Expected '0.3' (String) to be a number",
              },
            ],
          },
        },
      ],
      interactionResults: [
        { description: 'a search', result: 'Error' },
        { description: 'a health check', result: 'OK' },
      ],
    });
    const [failed, passed] = parseVerificationOutput(raw, pact) ?? [];
    expect(passed?.verdict).toBe('pass');
    expect(failed).toMatchObject({
      verdict: 'fail',
      interaction: 'a search (given documents matching {query} exist)',
    });
    expect(failed?.message).toBe(
      'status: expected 200, got 500\nheader Retry-After: missing (expected "1", got nothing)\n' +
        `body $.hits[0].score: Expected '0.3' (String) to be a number (expected 0.25, got "0.3")`,
    );
  });

  it('keeps pending failures as passes with a note, and reports verifier errors', () => {
    const raw = JSON.stringify({
      result: true,
      errors: [],
      pendingErrors: [
        { interaction: 'a health check', mismatch: { type: 'error', message: 'connection refused' } },
      ],
      interactionResults: [{ description: 'a health check', result: 'Pending' }],
    });
    expect(parseVerificationOutput(raw, pact)?.[0]).toMatchObject({
      verdict: 'pass',
      message: 'pending: connection refused',
    });
  });

  it('returns undefined when the text is not the verifier report', () => {
    expect(parseVerificationOutput('Verification was unable to run', pact)).toBeUndefined();
    expect(parseVerificationOutput('{"something":"else"}', pact)).toBeUndefined();
  });
});
