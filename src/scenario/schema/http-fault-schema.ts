import { z } from 'zod';
import {
  alwaysCheck,
  asRecord,
  expected,
  int,
  nonNegative,
  oneOf,
  positiveMs,
  presenceCheck,
  probability,
  strictObject,
} from '../../config/fields.ts';
import { MAX_RETRY_AFTER_SECONDS } from '../../config/input-limits.ts';
import { type DelaySpec, delaySpecSchema } from './delay-spec-schema.ts';
import { endpointField } from './endpoint-field.ts';

/**
 * An http-level fault, injected in the client's transport (MSW-style interception), so it
 * can run in virtual time. Matching requests get `delayMs` and/or one effect.
 *
 * @example
 * - http: { match: { path: /v1/predict }, rate: 0.3, status: 503, retryAfter: 1 }
 * - http: { firstN: 2, networkError: true }
 * - http: { delayMs: { uniform: [100, 400] } }
 */

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethodName = (typeof HTTP_METHODS)[number];

/** The effects of an http fault; at most one per fault. */
export const HTTP_EFFECTS = ['status', 'networkError', 'truncateBody', 'malformedBody', 'slowBody'] as const;

/** What a matching request gets instead of the real response (resolved from the flat fields). */
export type HttpFaultEffect =
  | { kind: 'status'; status: number; retryAfter?: number | string; body?: unknown }
  | { kind: 'networkError' }
  | { kind: 'truncateBody'; bytes: number }
  | { kind: 'malformedBody' }
  | { kind: 'slowBody'; bytesPerSec: number };

const httpDate = z
  .string(expected('seconds >= 0 or an HTTP-date'))
  .refine(
    (s) => !Number.isNaN(Date.parse(s)),
    expected('an HTTP-date such as "Wed, 21 Oct 2026 07:28:00 GMT"'),
  );

export const httpMatchSchema = strictObject(
  {
    method: oneOf(HTTP_METHODS, `an HTTP method (${HTTP_METHODS.join(', ')})`).optional(),
    path: z
      .string(expected('a path starting with "/"'))
      .regex(/^\/[^*]*\*?$/, expected('a path starting with "/", optionally ending in * for a prefix'))
      .optional()
      .describe('Exact path, or a prefix ending in *.'),
  },
  'a match object { method, path }',
);

function positiveNumber(what: string) {
  return z.number(expected(what)).positive(expected(what));
}

const presence = presenceCheck(HTTP_EFFECTS, 'at-most-one');

export const httpFaultSchema = strictObject(
  {
    endpoint: endpointField(),
    match: httpMatchSchema.optional().describe('Which requests; omitted = every request.'),
    rate: probability()
      .optional()
      .describe('Probability per matching request, drawn from the seed. Default 1.'),
    firstN: int(1).optional().describe('Only the first N matching requests.'),
    flap: strictObject({ onMs: positiveMs(), offMs: positiveMs() }, 'a flap object { onMs, offMs }')
      .optional()
      .describe('Active onMs, inactive offMs, repeating from the phase start.'),
    delayMs: delaySpecSchema.optional(),
    status: int(100, 'an HTTP status code 100..599')
      .max(599, expected('an HTTP status code 100..599'))
      .optional()
      .describe('Answer with this status instead of calling the service.'),
    retryAfter: z
      .union([
        nonNegative('seconds >= 0 or an HTTP-date').max(
          MAX_RETRY_AFTER_SECONDS,
          expected(`at most ${MAX_RETRY_AFTER_SECONDS} seconds (2^31 - 1 ms)`),
        ),
        httpDate,
      ])
      .optional()
      .describe('Retry-After header with status: seconds or an HTTP-date.'),
    body: z.unknown().optional().describe('JSON body sent with status.'),
    networkError: z.literal(true, expected('true')).optional().describe('The connection fails.'),
    truncateBody: strictObject({ bytes: int(0, 'a number of bytes >= 0') }, 'an object { bytes }')
      .optional()
      .describe('The real response, cut after `bytes` bytes of body.'),
    malformedBody: z
      .literal(true, expected('true'))
      .optional()
      .describe('The real status, a body that is not JSON.'),
    slowBody: strictObject(
      { bytesPerSec: positiveNumber('a number of bytes per second > 0') },
      'an object { bytesPerSec }',
    )
      .optional()
      .describe('The real response, body trickled at bytesPerSec.'),
  },
  'an http fault object { match, rate, delayMs, status | networkError | ... }',
)
  .refine(presence.check, presence.params)
  .check(alwaysCheck(checkEffectCompanions))
  .transform((value) => ({
    ...value,
    rate: value.rate ?? 1,
    match: value.match ?? {},
    effect: effectOf(value),
  }));

/** The resolved http fault: the fields as written plus `effect`; `rate` and `match` defaulted. */
export type HttpFault = z.output<typeof httpFaultSchema>;

/** `retryAfter`/`body` only make sense with `status`; a fault must do something. */
function checkEffectCompanions(value: unknown, ctx: z.core.$RefinementCtx<unknown>): void {
  const record = asRecord(value);
  if (!record) return;
  if (record.status === undefined) {
    for (const key of ['retryAfter', 'body']) {
      if (record[key] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `"${key}" only applies together with "status"`,
        });
      }
    }
  }
  const hasEffect = HTTP_EFFECTS.some((k) => record[k] !== undefined);
  if (!hasEffect && record.delayMs === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: `expected delayMs or one effect (${HTTP_EFFECTS.join(', ')}), got neither`,
    });
  }
}

function effectOf(value: {
  status?: number;
  retryAfter?: number | string;
  body?: unknown;
  networkError?: true;
  truncateBody?: { bytes: number };
  malformedBody?: true;
  slowBody?: { bytesPerSec: number };
}): HttpFaultEffect | undefined {
  if (value.status !== undefined) {
    const effect: HttpFaultEffect = { kind: 'status', status: value.status };
    if (value.retryAfter !== undefined) effect.retryAfter = value.retryAfter;
    if (value.body !== undefined) effect.body = value.body;
    return effect;
  }
  if (value.networkError) return { kind: 'networkError' };
  if (value.truncateBody) return { kind: 'truncateBody', bytes: value.truncateBody.bytes };
  if (value.malformedBody) return { kind: 'malformedBody' };
  if (value.slowBody) return { kind: 'slowBody', bytesPerSec: value.slowBody.bytesPerSec };
  return undefined;
}

export type { DelaySpec };
