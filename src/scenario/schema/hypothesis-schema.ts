import { z } from 'zod';
import {
  alwaysCheck,
  asRecord,
  expected,
  int,
  ms,
  nonEmptyString,
  presenceCheck,
  probability,
  strictObject,
} from '../../config/fields.ts';

/**
 * A hypothesis: what must hold for the whole run (`phase` omitted) or for one phase.
 * Exactly one kind per hypothesis; the runner's evaluators give each its verdict.
 *
 * @example
 * - phase: outage
 *   breaker: { opensWithinCalls: 10 }
 * - latencyMs: { p99: { max: 250 } }
 */

export const HYPOTHESIS_KINDS = [
  'successRate',
  'latencyMs',
  'breaker',
  'upstreamCalls',
  'fallbacks',
  'attemptsPerCall',
  'deadline',
  'calls',
  'errors',
  'upstreamShare',
  'sideEffects',
  'retryAfter',
  'backsOff',
  'failsFast',
  'givesUp',
  'nonRetryable',
] as const;
export type HypothesisKind = (typeof HYPOTHESIS_KINDS)[number];

export const LATENCY_PERCENTILES = ['p50', 'p90', 'p95', 'p99', 'max'] as const;
export type LatencyPercentile = (typeof LATENCY_PERCENTILES)[number];

/**
 * `{ min?, max? }` with at least one bound and min <= max. `extra` fields count as bounds
 * (`whileOpen`, `minRate`); `subject` fields say what is measured and do not.
 */
function bounds<T extends z.ZodType<number | undefined>>(
  bound: T,
  what: string,
  extra: Record<string, z.ZodType> = {},
  subject: Record<string, z.ZodType> = {},
) {
  const keys = ['min', 'max', ...Object.keys(extra)];
  return strictObject({ ...subject, min: bound, max: bound, ...extra }, what).check(
    alwaysCheck((value, ctx) => {
      const record = asRecord(value);
      if (!record) return;
      if (keys.every((k) => record[k] === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [],
          message: `expected at least one of ${keys.join(', ')}, got none`,
        });
      }
      if (typeof record.min === 'number' && typeof record.max === 'number' && record.min > record.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['max'],
          message: `expected max >= min (${record.min}), got ${record.max}`,
        });
      }
    }),
  );
}

const latencyBound = strictObject({ max: ms() }, 'an object { max: milliseconds }').optional();

const latencySchema = strictObject(
  Object.fromEntries(LATENCY_PERCENTILES.map((p) => [p, latencyBound])) as Record<
    LatencyPercentile,
    typeof latencyBound
  >,
  'a latency object { p50 | p90 | p95 | p99 | max: { max: ms } }',
).check(
  alwaysCheck((value, ctx) => {
    const record = asRecord(value);
    if (record && LATENCY_PERCENTILES.every((p) => record[p] === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `expected at least one of ${LATENCY_PERCENTILES.join(', ')}, got none`,
      });
    }
  }),
);

const breakerPresence = presenceCheck(
  ['opensWithinCalls', 'closesWithinMs', 'neverOpens', 'opens'],
  'exactly-one',
);

const breakerSchema = strictObject(
  {
    opensWithinCalls: int(1)
      .optional()
      .describe('The breaker opens before the (N+1)th call started in the phase.'),
    closesWithinMs: ms()
      .optional()
      .describe('Closed within T ms of the phase start (0 if closed throughout).'),
    neverOpens: z.literal(true, expected('true')).optional(),
    opens: z.literal(true, expected('true')).optional(),
  },
  'a breaker hypothesis { opensWithinCalls | closesWithinMs | neverOpens | opens }',
).refine(breakerPresence.check, breakerPresence.params);

const count = int(0).optional();

const httpMethod = z
  .string(expected('an HTTP method such as "POST"'))
  .regex(/^[A-Za-z]+$/, expected('an HTTP method such as "POST"'));

/** Refinement: at least one of `keys` is present (the kinds whose fields are each optional). */
function atLeastOne(keys: readonly string[]) {
  return alwaysCheck((value, ctx) => {
    const record = asRecord(value);
    if (record && keys.every((k) => record[k] === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `expected at least one of ${keys.join(', ')}, got none`,
      });
  });
}

const kindsPresence = presenceCheck(HYPOTHESIS_KINDS, 'exactly-one');

const hypothesisObject = strictObject(
  {
    phase: nonEmptyString('the name of a phase')
      .optional()
      .describe('The phase it is about; omitted = whole run.'),
    successRate: bounds(probability().optional(), 'a successRate object { min, max }')
      .optional()
      .describe('ok calls / calls, in [0, 1].'),
    latencyMs: latencySchema
      .optional()
      .describe('Call latency percentiles (short-circuited calls included), ms.'),
    breaker: breakerSchema.optional(),
    upstreamCalls: bounds(count, 'an upstreamCalls object { min, max, whileOpen }', {
      whileOpen: z.boolean(expected('true or false')).optional(),
    })
      .optional()
      .describe('Attempts that reached the transport; whileOpen counts those made while open/half-open.'),
    fallbacks: bounds(count, 'a fallbacks object { min, max, minRate }', {
      minRate: probability().optional(),
    })
      .optional()
      .describe('Calls served by a fallback.'),
    attemptsPerCall: strictObject(
      { max: z.number(expected('a number >= 1')).min(1, expected('a number >= 1')) },
      'an object { max }',
    )
      .optional()
      .describe('Retry amplification: attempts / calls.'),
    deadline: strictObject(
      { neverExceeded: z.literal(true, expected('true')) },
      'an object { neverExceeded: true }',
    )
      .optional()
      .describe('No call took longer than its deadline.'),
    calls: bounds(count, 'a calls object { min, max }').optional().describe('Number of calls.'),
    errors: bounds(
      count,
      'an errors object { code, min, max }',
      {},
      {
        code: z
          .string(expected('an error code such as "FAULTLINE_BULKHEAD_FULL"'))
          .regex(/^[A-Z][A-Z0-9_]*$/, expected('an error code such as "FAULTLINE_BULKHEAD_FULL"')),
      },
    )
      .optional()
      .describe('Calls that failed with this error code (e.g. FAULTLINE_BULKHEAD_FULL).'),
    upstreamShare: bounds(
      probability('a share between 0 and 1').optional(),
      'an upstreamShare object { endpoint, min, max }',
      {},
      { endpoint: int(1, 'an upstream instance number >= 1') },
    )
      .optional()
      .describe('Share of the upstream attempts that went to upstream instance `endpoint` (1-based).'),
    sideEffects: strictObject(
      {
        duplicates: strictObject({ max: int(0) }, 'an object { max: integer >= 0 }'),
        methods: z
          .array(httpMethod, expected('a list of HTTP methods'))
          .min(1, expected('a non-empty list of HTTP methods'))
          .optional(),
      },
      'a sideEffects object { duplicates: { max }, methods? }',
    )
      .optional()
      .describe(
        'Duplicate side effects on the wire: requests of one call (POST/PATCH unless `methods`) reaching the upstream again without the same Idempotency-Key.',
      ),
    retryAfter: strictObject(
      { respected: z.literal(true, expected('true')), toleranceMs: ms().optional() },
      'a retryAfter object { respected: true, toleranceMs? }',
    )
      .optional()
      .describe(
        'No request of a call arrives before the Retry-After the wire answered it with (tolerance 50 ms).',
      ),
    backsOff: strictObject(
      {
        maxAmplification: z.number(expected('a number >= 1')).min(1, expected('a number >= 1')).optional(),
        fallsTo: z.number(expected('a number > 0')).positive(expected('a number > 0')).optional(),
      },
      'a backsOff object { maxAmplification?, fallsTo? }',
    )
      .check(atLeastOne(['maxAmplification', 'fallsTo']))
      .optional()
      .describe(
        'Requests on the wire <= maxAmplification x calls offered; second-half rate <= fallsTo x first-half rate.',
      ),
    failsFast: strictObject(
      { withinMs: ms(), afterMs: ms().optional() },
      'a failsFast object { withinMs, afterMs? }',
    )
      .optional()
      .describe('Calls started afterMs or more into the scope finish within withinMs (ok or not).'),
    givesUp: strictObject({ withinMs: ms() }, 'a givesUp object { withinMs }')
      .optional()
      .describe('Every request on the wire is over (answered or closed by the client) within withinMs.'),
    nonRetryable: strictObject(
      {
        statuses: z
          .array(int(400, 'an HTTP status >= 400'), expected('a list of HTTP statuses'))
          .min(1, expected('a non-empty list of HTTP statuses'))
          .optional(),
      },
      'a nonRetryable object { statuses? }',
    )
      .optional()
      .describe(
        'A 400/401/404/422 (or `statuses`) on the wire is never repeated for the same call nor masked by a fallback.',
      ),
  },
  `a hypothesis object { phase?, and one of ${HYPOTHESIS_KINDS.join(' | ')} }`,
).refine(kindsPresence.check, kindsPresence.params);

type HypothesisShape = z.output<typeof hypothesisObject>;

/** The spec of one hypothesis kind, e.g. `HypothesisSpec<'breaker'>`. */
export type HypothesisSpec<K extends HypothesisKind> = NonNullable<HypothesisShape[K]>;

/**
 * A validated hypothesis: `phase` plus exactly one kind key; the other kind keys are
 * `undefined`, so `if (h.breaker)` narrows.
 */
export type Hypothesis = {
  [K in HypothesisKind]: { phase?: string } & { [P in K]: HypothesisSpec<P> } & {
    [P in Exclude<HypothesisKind, K>]?: undefined;
  };
}[HypothesisKind];

export const hypothesisSchema = hypothesisObject
  .transform((value) => value as Hypothesis)
  .meta({ oneOf: HYPOTHESIS_KINDS.map((k) => ({ required: [k] })) });

/** Which kind a hypothesis is. */
export function hypothesisKind(hypothesis: Hypothesis): HypothesisKind {
  return HYPOTHESIS_KINDS.find((k) => hypothesis[k] !== undefined)!;
}
