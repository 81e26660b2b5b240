import { z } from 'zod';
import { expected, nonEmptyString, positiveMs, strictObject } from '../../config/fields.ts';
import { MAX_PHASE_MS } from '../../config/input-limits.ts';
import { faultSchema } from './fault-schema.ts';

/**
 * One phase of a scenario: `durationMs` of load with `faults` applied at its start and
 * removed at its end. Phases run in order; names are unique within a scenario.
 */
export const phaseSchema = strictObject(
  {
    name: nonEmptyString('a phase name').describe('Unique within the scenario; hypotheses refer to it.'),
    durationMs: positiveMs(undefined, MAX_PHASE_MS, 'one day, the longest phase').describe(
      `How long the phase lasts, ms; at most ${MAX_PHASE_MS} (one day).`,
    ),
    faults: z
      .array(faultSchema, expected('a list of faults'))
      .default([])
      .describe('Faults active during the phase. Default none.'),
  },
  'a phase object { name, durationMs, faults }',
);

/** A resolved phase (`faults` defaulted to []). */
export type Phase = z.output<typeof phaseSchema>;
