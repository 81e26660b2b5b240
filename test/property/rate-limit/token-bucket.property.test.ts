import fc from 'fast-check';
import { describe, it } from 'vitest';
import { invariant } from '../../../src/check/invariant-violation.ts';
import type { RateLimitOptions } from '../../../src/client/client-types.ts';
import { TokenBucket } from '../../../src/client/rate-limit/token-bucket.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';

/*
 * Property tests of the token-bucket rate limiter (src/client/rate-limit/token-bucket.ts),
 * driven the way the client drives it (execute-attempts.ts takeToken): `waitMs(now)`; 0 ->
 * `take`; above `maxWaitMs` -> rejected; otherwise `reserve` and sleep the returned wait on
 * a ManualClock, then go. On failure fast-check's report carries the shrunk steps, the seed
 * and the path: replay with `fc.assert(..., { seed, path })`. FC_SEED=<n> pins the seed.
 */
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const EPS = 1e-6;

type Step =
  | { kind: 'advance'; ms: number }
  | { kind: 'attempts'; n: number }
  | { kind: '429'; retryAfterMs: number };

const optionsArbitrary: fc.Arbitrary<RateLimitOptions> = fc.record({
  ratePerSec: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0.5, max: 50, noNaN: true })),
  burst: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  maxWaitMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000 })),
});

const stepsArbitrary: fc.Arbitrary<Step[]> = fc.array(
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 1_500 }) }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('attempts' as const), n: fc.integer({ min: 1, max: 6 }) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('429' as const),
        retryAfterMs: fc.integer({ min: 0, max: 3_000 }),
      }),
    },
  ),
  { minLength: 1, maxLength: 40 },
);

interface Attempt {
  /** Clock reading when the attempt asked for a token. */
  askedAt: number;
  /** The wait the bucket answered (0 = at once). */
  wait: number;
  /** Clock reading when it went (undefined: rejected, or still sleeping). */
  admittedAt?: number;
  rejected: boolean;
}

interface Pause {
  /** Clock reading when the 429 arrived. */
  at: number;
  until: number;
  /** Attempts made before the 429 arrived (they may already hold a reservation). */
  attemptsBefore: number;
}

/** Tokens held right now (after refill). A white-box read: the field is private. */
function tokensOf(bucket: TokenBucket, now: number): number {
  bucket.waitMs(now);
  return Reflect.get(bucket, 'tokens') as number;
}

async function drive(o: RateLimitOptions, steps: Step[]) {
  const clock = new ManualClock(1_000);
  const bucket = new TokenBucket(o, clock.now());
  const { burst, maxWaitMs } = bucket.options;
  const attempts: Attempt[] = [];
  const pauses: Pause[] = [];
  const checkTokens = (label: string) => {
    const now = clock.now();
    const tokens = tokensOf(bucket, now);
    invariant(tokens <= burst + EPS, `${label}: ${tokens} tokens at ${now}, burst=${burst}`);
    // reserve() charges the token at the reserved go time (the state runs ahead), never below 0.
    invariant(tokens >= -EPS, `${label}: ${tokens} tokens at ${now}, expected >= 0`);
  };
  for (const [i, step] of steps.entries()) {
    if (step.kind === 'advance') await clock.advance(step.ms);
    else if (step.kind === '429') {
      pauses.push({
        at: clock.now(),
        until: clock.now() + step.retryAfterMs,
        attemptsBefore: attempts.length,
      });
      bucket.pauseUntil(clock.now() + step.retryAfterMs);
    } else {
      for (let k = 0; k < step.n; k++) {
        const now = clock.now();
        const wait = bucket.waitMs(now);
        const attempt: Attempt = { askedAt: now, wait, rejected: false };
        attempts.push(attempt);
        if (wait === 0) {
          invariant(bucket.take(now) === 0, `step ${i}: waitMs said 0 but take() refused at ${now}`);
          attempt.admittedAt = now;
        } else if (wait > maxWaitMs) {
          attempt.rejected = true;
        } else {
          const reserved = bucket.reserve(now);
          invariant(reserved === wait, `step ${i}: reserve() answered ${reserved} ms, waitMs() ${wait} ms`);
          invariant(
            reserved <= maxWaitMs,
            `step ${i}: granted a ${reserved} ms wait, maxWaitMs=${maxWaitMs}`,
          );
          void clock.sleep(reserved).then(() => {
            attempt.admittedAt = clock.now();
          });
        }
      }
    }
    checkTokens(`step ${i} (${JSON.stringify(step)})`);
  }
  // Let every reservation go.
  await clock.runAll();
  checkTokens('after all sleeps');
  return { bucket, attempts, pauses };
}

describe('token bucket: properties', () => {
  it('admits at most burst + rate * w over any window [t, t + w]', async () => {
    await fc.assert(
      fc.asyncProperty(optionsArbitrary, stepsArbitrary, async (o, steps) => {
        const { bucket, attempts } = await drive(o, steps);
        const { burst, ratePerSec } = bucket.options;
        const times = attempts
          .filter((a) => a.admittedAt !== undefined)
          .map((a) => a.admittedAt!)
          .sort((a, b) => a - b);
        // Every window worth checking starts and ends at an admission.
        for (let i = 0; i < times.length; i++) {
          for (let j = i; j < times.length; j++) {
            const w = times[j]! - times[i]!;
            const admitted = j - i + 1;
            const bound = burst + (ratePerSec * w) / 1000;
            invariant(
              admitted <= bound + EPS,
              () =>
                `${admitted} admitted in [${times[i]}, ${times[j]}] (w=${w} ms), bound burst + rate*w = ${bound}`,
            );
          }
        }
      }),
      { numRuns: 300, seed },
    );
  });

  it('waits never exceed maxWaitMs: an attempt goes at once, after its granted wait, or is rejected', async () => {
    await fc.assert(
      fc.asyncProperty(optionsArbitrary, stepsArbitrary, async (o, steps) => {
        const { bucket, attempts } = await drive(o, steps);
        const { maxWaitMs } = bucket.options;
        for (const [i, a] of attempts.entries()) {
          if (a.rejected) {
            invariant(
              a.wait > maxWaitMs,
              `attempt ${i} rejected with wait ${a.wait} <= maxWaitMs=${maxWaitMs}`,
            );
            continue;
          }
          invariant(a.admittedAt !== undefined, `attempt ${i} (asked at ${a.askedAt}) never went`);
          const waited = a.admittedAt - a.askedAt;
          invariant(waited <= maxWaitMs + EPS, `attempt ${i} waited ${waited} ms, maxWaitMs=${maxWaitMs}`);
          invariant(Math.abs(waited - a.wait) <= EPS, `attempt ${i} waited ${waited} ms, was told ${a.wait}`);
        }
      }),
      { numRuns: 300, seed },
    );
  });

  it('a 429 Retry-After pause admits nothing asked for before the pause ends', async () => {
    await fc.assert(
      fc.asyncProperty(optionsArbitrary, stepsArbitrary, async (o, steps) => {
        const { attempts, pauses } = await drive(o, steps);
        for (const p of pauses) {
          for (const [i, a] of attempts.entries()) {
            if (a.admittedAt === undefined || i < p.attemptsBefore) continue;
            invariant(
              a.admittedAt >= p.until,
              `attempt ${i} asked at ${a.askedAt} went at ${a.admittedAt}, inside the 429 pause [${p.at}, ${p.until})`,
            );
          }
        }
      }),
      { numRuns: 300, seed },
    );
  });
});
