import { describe, expect, it } from 'vitest';
import { callRecord, scenarioStart } from '../../../../test/support/run-records.ts';
import type { RunEvent, WireRecord } from '../../../report/run-events.ts';
import { createHypothesisEvaluator } from '../create-hypothesis-evaluator.ts';

/** Verdict of `hypothesis` (about phase "p", 1000 ms) over `events`, with or without a wire log. */
function judge(hypothesis: Record<string, unknown>, events: RunEvent[], wire: boolean = true) {
  const start = scenarioStart({
    mode: 'real',
    service: 'notify',
    phases: [{ name: 'p', durationMs: 1000, faults: [] }],
    hypotheses: [{ phase: 'p', ...hypothesis }],
    ...(wire ? { wire: 'proxy' as const } : {}),
  });
  const evaluator = createHypothesisEvaluator(start.hypotheses[0], start);
  for (const event of [
    { type: 'phase-start', scenario: 's', phase: 'p', index: 0, t: 0 } as RunEvent,
    ...events,
    { type: 'phase-end', scenario: 's', phase: 'p', index: 0, t: 1000 } as RunEvent,
  ])
    evaluator.observe(event);
  return evaluator.result();
}

const wire = (t: number, o: Partial<WireRecord> = {}): WireRecord => ({
  type: 'wire',
  scenario: 's',
  phase: 'p',
  t,
  durationMs: 5,
  method: 'POST',
  path: '/v1/charges',
  status: 200,
  upstream: true,
  end: 'complete',
  ...o,
});

const call = (t: number, o: Record<string, unknown> = {}): RunEvent => callRecord(t, 5, 'ok', o);

describe('sideEffects', () => {
  const h = { sideEffects: { duplicates: { max: 0 } } };

  it('fails when one call reaches the upstream twice without a key, naming the call and times', () => {
    const r = judge(h, [wire(10, { call: 'c4', status: 503 }), wire(120, { call: 'c4' })]);
    expect(r.verdict).toBe('fail');
    expect(r.observed).toMatch(/DUPLICATE SIDE EFFECTS.*call c4.*10 ms, 120 ms/);
    expect(r.evidence).toBe('wire');
  });

  it('passes when the repeats carry the same Idempotency-Key, or never reached the upstream', () => {
    const r = judge(h, [
      wire(10, { call: 'c1', idempotencyKey: 'k1' }),
      wire(50, { call: 'c1', idempotencyKey: 'k1' }),
      wire(60, { call: 'c2', upstream: false, status: 503 }),
      wire(90, { call: 'c2' }),
    ]);
    expect(r.verdict).toBe('pass');
  });

  it('is inconclusive, never passing, when the client dropped the call tag', () => {
    const r = judge(h, [wire(10), wire(20)]);
    expect(r.verdict).toBe('fail');
    expect(r.observed).toMatch(/inconclusive.*X-Faultline-Call/);
  });

  it('is inconclusive without a wire log', () => {
    expect(judge(h, [call(0)], false).observed).toMatch(/inconclusive: this run recorded no wire log/);
  });
});

describe('retryAfter', () => {
  const h = { retryAfter: { respected: true } };

  it('fails on a retry before the Retry-After elapsed', () => {
    const r = judge(h, [
      wire(0, { call: 'c1', status: 503, retryAfter: '1', upstream: false, durationMs: 2 }),
      wire(200, { call: 'c1' }),
    ]);
    expect(r.verdict).toBe('fail');
    expect(r.observed).toMatch(/RETRY-AFTER IGNORED.*call c1.*1002 ms.*200 ms/);
  });

  it('passes when the retry waits as told', () => {
    const r = judge(h, [
      wire(0, { call: 'c1', status: 503, retryAfter: '1', upstream: false, durationMs: 2 }),
      wire(1010, { call: 'c1' }),
    ]);
    expect(r.verdict).toBe('pass');
  });

  it('is inconclusive when no Retry-After was sent', () => {
    expect(judge(h, [wire(0, { call: 'c1' })]).observed).toMatch(/no Retry-After was sent/);
  });
});

describe('backsOff', () => {
  it('fails a retry storm (amplification) and a flat rate (no breaker)', () => {
    const events: RunEvent[] = [];
    for (let i = 0; i < 10; i++) {
      events.push(call(i * 100));
      for (let k = 0; k < 4; k++) events.push(wire(i * 100 + k, { status: 503 }));
    }
    const r = judge({ backsOff: { maxAmplification: 2, fallsTo: 0.5 } }, events);
    expect(r.verdict).toBe('fail');
    expect(r.observed).toMatch(
      /RETRY STORM.*NO BACK-OFF.*40 requests on the wire for 10 calls \(x4\); first half 20, second half 20/,
    );
  });

  it('passes when the rate falls in the second half', () => {
    const events: RunEvent[] = [];
    for (let i = 0; i < 10; i++) {
      events.push(call(i * 100));
      if (i < 4) events.push(wire(i * 100, { status: 503 }));
    }
    events.push(wire(800, { status: 503 }));
    expect(judge({ backsOff: { maxAmplification: 2, fallsTo: 0.5 } }, events).verdict).toBe('pass');
  });
});

describe('failsFast', () => {
  it('fails when a call after afterMs is slow, naming it', () => {
    const r = judge({ failsFast: { withinMs: 50, afterMs: 200 } }, [
      call(0, { latencyMs: 900 }),
      call(300, { latencyMs: 10 }),
      call(400, { latencyMs: 450, call: 'c9' }),
    ]);
    expect(r.verdict).toBe('fail');
    expect(r.observed).toMatch(/SLOW, NOT FAILING FAST: 1 of 2 calls.*call c9 started at 400 ms took 450 ms/);
  });

  it('passes when every call after afterMs is fast', () => {
    expect(
      judge({ failsFast: { withinMs: 50, afterMs: 200 } }, [call(0, { latencyMs: 900 }), call(300)]).verdict,
    ).toBe('pass');
  });
});

describe('givesUp', () => {
  it('fails when a request stays open on the wire past the limit', () => {
    const r = judge({ givesUp: { withinMs: 1200 } }, [
      wire(0, { call: 'c2', durationMs: 800, end: 'client-closed', status: undefined }),
      wire(10, { call: 'c3', durationMs: 60_000, end: 'client-closed', status: undefined }),
    ]);
    expect(r.verdict).toBe('fail');
    expect(r.observed).toMatch(/DOES NOT GIVE UP: 1 of 2.*call c3.*60000 ms/);
  });

  it('passes when the client closes hung requests in time', () => {
    const r = judge({ givesUp: { withinMs: 1200 } }, [wire(0, { durationMs: 1000, end: 'client-closed' })]);
    expect(r.verdict).toBe('pass');
  });
});

describe('nonRetryable', () => {
  const h = { nonRetryable: {} };

  it('fails when a 422 is sent again for the same call, and when a fallback masks it', () => {
    const r = judge(h, [
      wire(0, { call: 'c1', status: 422 }),
      wire(100, { call: 'c1', status: 422 }),
      wire(200, { call: 'c2', status: 404 }),
      call(200, { call: 'c2', fallback: 'static' }),
    ]);
    expect(r.verdict).toBe('fail');
    expect(r.observed).toMatch(
      /RETRIED A NON-RETRYABLE ANSWER.*call c1 got 422 at 0 ms and was sent again at 100 ms/,
    );
    expect(r.observed).toMatch(/FALLBACK MASKED A NON-RETRYABLE ANSWER: 1 call\(s\); e.g. call c2/);
  });

  it('passes when each 4xx call stops at once', () => {
    expect(
      judge(h, [wire(0, { call: 'c1', status: 400 }), wire(5, { call: 'c2', status: 503 })]).verdict,
    ).toBe('pass');
  });
});

describe('figures from the wire', () => {
  it('attemptsPerCall counts the requests on the wire when there is a wire log, and says so', () => {
    const events = [call(0, { attempts: 1 }), wire(0), wire(10), wire(20)];
    const r = judge({ attemptsPerCall: { max: 2 } }, events);
    expect(r).toMatchObject({ verdict: 'fail', evidence: 'wire' });
    expect(r.observed).toMatch(/3 requests on the wire \/ 1 calls/);
    expect(judge({ attemptsPerCall: { max: 2 } }, events, false)).toMatchObject({
      verdict: 'pass',
      evidence: 'client',
    });
  });

  it('attemptsPerCall without a wire log is inconclusive when the client reports no attempt count (never 1)', () => {
    const unreported = { ...call(0), attempts: undefined } as RunEvent;
    const r = judge({ attemptsPerCall: { max: 1.5 } }, [unreported, call(10)], false);
    expect(r).toMatchObject({ verdict: 'fail', evidence: 'client' });
    expect(r.observed).toMatch(/^inconclusive: the client reported no attempt count for 1 of 2 calls/);
  });
});
