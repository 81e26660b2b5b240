import { z } from 'zod';
import {
  alwaysCheck,
  asRecord,
  expected,
  ms,
  positiveMs,
  presenceCheck,
  strictObject,
} from '../../config/fields.ts';

/**
 * `delayMs` of an http fault: a fixed number of milliseconds or a distribution drawn from
 * the scenario's seeded Random.
 *
 * @example
 * delayMs: 250
 * delayMs: { uniform: [100, 400] }
 * delayMs: { normal: { mean: 200, stddev: 50 } }
 * delayMs: { exponential: { mean: 100 } }
 */
export type DelayDistribution =
  | { uniform: [min: number, max: number] }
  | { normal: { mean: number; stddev: number } }
  | { exponential: { mean: number } };

const presence = presenceCheck(['uniform', 'normal', 'exponential'], 'exactly-one');

const distributionSchema = strictObject(
  {
    uniform: z
      .tuple([ms(), ms()], expected('a pair [min, max] of milliseconds'))
      .optional()
      .describe('Uniform between min and max, ms.'),
    normal: strictObject({ mean: ms(), stddev: ms() }, 'an object { mean, stddev } in milliseconds')
      .optional()
      .describe('Normal (clamped at 0), ms.'),
    exponential: strictObject({ mean: positiveMs() }, 'an object { mean } in milliseconds')
      .optional()
      .describe('Exponential with the given mean, ms.'),
  },
  'a delay distribution { uniform | normal | exponential }',
)
  .refine(presence.check, presence.params)
  .check(
    alwaysCheck((value, ctx) => {
      const uniform = asRecord(value)?.uniform;
      if (Array.isArray(uniform) && typeof uniform[0] === 'number' && typeof uniform[1] === 'number') {
        if (uniform[0] > uniform[1]) {
          ctx.addIssue({
            code: 'custom',
            path: ['uniform'],
            message: `expected [min, max] with min <= max, got [${uniform[0]}, ${uniform[1]}]`,
          });
        }
      }
    }),
  )
  .transform((value) => value as DelayDistribution);

export const delaySpecSchema = z
  .union([ms(), distributionSchema])
  .describe('Added latency before the response, ms: a number or { uniform | normal | exponential }.');

/** A fixed delay (ms) or a distribution of delays (ms), as the schema above yields it. */
export type DelaySpec = z.output<typeof delaySpecSchema>;
