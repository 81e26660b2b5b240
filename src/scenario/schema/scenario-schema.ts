import { z } from 'zod';
import { clientConfigSchema } from '../../config/client-config-schema.ts';
import { expected, int, nonEmptyString, oneOf, seedField, strictObject } from '../../config/fields.ts';
import { MAX_UPSTREAMS } from './endpoint-field.ts';
import { hypothesisSchema } from './hypothesis-schema.ts';
import { loadSpecSchema } from './load-spec-schema.ts';
import { phaseSchema } from './phase-schema.ts';

/**
 * A scenario file (`scenarios/*.yaml`): a service, a load, phases with faults, and the
 * hypotheses that must hold. This schema checks each field on its own; the rules that
 * need the whole file or the registry (unique phase names, hypothesis phases exist, the
 * service exists, no tcp fault in virtual mode) are in validate-scenario.ts.
 *
 * The full format with examples: docs/scenario-format.md.
 */
export const scenarioSchema = strictObject(
  {
    name: nonEmptyString('a scenario name').describe('Unique across the scenarios of a run.'),
    description: z.string(expected('a string')).optional(),
    service: nonEmptyString('a service key of faultline.config.yaml').describe(
      'A registry key of faultline.config.yaml, e.g. inference.',
    ),
    seed: seedField()
      .default(1)
      .describe('Seeds every random choice (jitter, fault rates, delays). Default 1.'),
    mode: oneOf(['auto', 'real', 'virtual'])
      .default('auto')
      .describe('Clock: auto = virtual when every fault is http-level. Default auto.'),
    upstreams: int(1, 'a number of upstream instances 1..10')
      .max(MAX_UPSTREAMS, expected('a number of upstream instances 1..10'))
      .default(1)
      .describe('Instances of the service the runner serves; the client gets them as endpoints. Default 1.'),
    client: clientConfigSchema.optional().describe("Overrides of the service's client configuration."),
    load: loadSpecSchema,
    phases: z
      .array(phaseSchema, expected('a list of phases'))
      .min(1, expected('at least one phase'))
      .describe('Run in order; at least one.'),
    hypotheses: z
      .array(hypothesisSchema, expected('a list of hypotheses'))
      .default([])
      .describe('What must hold. Default none.'),
  },
  'a scenario object { name, service, load, phases, ... }',
).meta({ title: 'Faultline scenario' });

/** A validated scenario with defaults applied (seed, mode, load, faults, hypotheses). */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written (before defaults). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioMode = Scenario['mode'];
