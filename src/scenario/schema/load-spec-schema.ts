import { z } from 'zod';
import {
  expected,
  int,
  nonEmptyString,
  presenceCheck,
  strictObject,
  stringMap,
} from '../../config/fields.ts';
import { MAX_CONCURRENCY } from '../../config/input-limits.ts';
import { HTTP_METHODS } from './http-fault-schema.ts';

/**
 * The load a scenario drives through the client: `concurrency` workers sending `request`,
 * closed loop (each worker back-to-back) or open loop at `ratePerSec`, never more than
 * `maxCalls` calls in the whole scenario.
 */

const bodyPresence = presenceCheck(['json', 'body'], 'at-most-one');

export const requestSpecSchema = strictObject(
  {
    method: z
      .enum(HTTP_METHODS, expected(`an HTTP method (${HTTP_METHODS.join(', ')})`))
      .default('GET')
      .describe('Default GET.'),
    path: z
      .string(expected('a path starting with "/"'))
      .startsWith('/', expected('a path starting with "/"'))
      .describe('Path relative to the service base URL, e.g. /v1/predict.'),
    query: z
      .record(
        z.string(),
        z.union([z.string(), z.number(), z.boolean()], expected('a string, number or boolean')),
        expected('a map of query parameters'),
      )
      .optional(),
    headers: stringMap('a map of header names to strings').optional(),
    json: z.unknown().optional().describe('Body serialised as JSON (application/json).'),
    body: z.string(expected('a string')).optional().describe('Raw body; use json for JSON.'),
    idempotencyKey: nonEmptyString('a string, or "auto" for a fresh key per call')
      .optional()
      .describe('Idempotency-Key header; "auto" = a fresh key per call.'),
  },
  'a request object { method, path, query, headers, json, body, idempotencyKey }',
).refine(bodyPresence.check, bodyPresence.params);

/** The request every call of the scenario sends. */
export type RequestSpec = z.output<typeof requestSpecSchema>;

export const loadSpecSchema = strictObject(
  {
    concurrency: int(1, `an integer 1..${MAX_CONCURRENCY}`)
      .max(MAX_CONCURRENCY, expected(`at most ${MAX_CONCURRENCY} workers (the documented cap)`))
      .default(1)
      .describe(`Workers sending calls, 1..${MAX_CONCURRENCY}. Default 1.`),
    ratePerSec: z
      .number(expected('a number of calls per second > 0'))
      .positive(expected('a number of calls per second > 0'))
      .optional()
      .describe('Open-loop rate, calls/s; omitted = closed loop (each worker back-to-back).'),
    maxCalls: int(1).default(10_000).describe('Hard bound on calls for the whole scenario. Default 10000.'),
    request: requestSpecSchema,
  },
  'a load object { concurrency, ratePerSec, maxCalls, request }',
);

/** The resolved load: `concurrency` and `maxCalls` defaulted. */
export type LoadSpec = z.output<typeof loadSpecSchema>;
