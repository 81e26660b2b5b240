import { z } from 'zod';
import { clientConfigSchema } from './client-config-schema.ts';
import { expected, httpUrl, nonEmptyString, oneOf, positiveMs, strictObject, stringMap } from './fields.ts';

/**
 * The service registry, `faultline.config.yaml` at the repository root: which external
 * services exist, their Pact names, the reference service that backs each one, the SLO
 * that `faultline check` proves and the client configuration under test.
 *
 * The registry key (`inference`) is what a scenario names in `service:`.
 */

/** The five reference services Faultline ships (docs/services.md). */
export const REFERENCE_SERVICE_NAMES = ['inference', 'auth', 'notify', 'analytics', 'search'] as const;
export type ReferenceServiceName = (typeof REFERENCE_SERVICE_NAMES)[number];

export const requestDefaultsSchema = strictObject(
  {
    headers: stringMap('a map of header names to strings').optional(),
    idempotencyKey: nonEmptyString('a string, or "auto" for a fresh key per call')
      .optional()
      .describe('Idempotency-Key sent on every call; "auto" = a fresh key per call.'),
  },
  'a request defaults object { headers, idempotencyKey }',
);

export const serviceEntrySchema = strictObject(
  {
    provider: nonEmptyString().describe('Pact provider name, e.g. inference-service.'),
    pact: nonEmptyString('a path to a pact file').describe('Pact file, relative to the repository root.'),
    reference: oneOf(REFERENCE_SERVICE_NAMES)
      .optional()
      .describe('The reference service that backs it; omit for external-only services.'),
    baseUrl: httpUrl()
      .optional()
      .describe('Where the service is; default: the reference service Faultline starts.'),
    stateUrl: z
      .url({ protocol: /^https?$/, ...expected('an absolute http(s) URL') })
      .optional()
      .describe(
        'Provider-state endpoint `faultline verify` POSTs { state, params, action } to; default: <baseUrl>/_faultline/state.',
      ),
    env: z
      .string(expected('an environment variable name'))
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, expected('an environment variable name such as PAYMENTS_URL'))
      .optional()
      .describe("`faultline explore`: the variable that hands the test command this service's proxy URL."),
    slo: strictObject(
      {
        maxCallMs: positiveMs().describe('Worst-case call time that `faultline check` must prove, ms.'),
      },
      'an slo object { maxCallMs }',
    ).optional(),
    client: clientConfigSchema.optional().describe('Client configuration under test (ClientOptions subset).'),
    request: requestDefaultsSchema
      .optional()
      .describe('Defaults merged into every request a scenario sends to this service.'),
  },
  'a service object { provider, pact, reference, baseUrl, stateUrl, env, slo, client }',
);

export const faultlineConfigSchema = strictObject(
  {
    consumer: nonEmptyString().default('faultline').describe('Pact consumer name.'),
    services: z
      .record(
        z
          .string(expected('a service key'))
          .regex(/^[a-z][a-z0-9-]*$/, expected('a service key of lowercase letters, digits and dashes')),
        serviceEntrySchema,
        expected('a map of service key to service'),
      )
      .describe('Registry key (what scenarios name in `service:`) to service.'),
  },
  'a registry object { consumer, services }',
).meta({ title: 'Faultline service registry (faultline.config.yaml)' });

export type ServiceEntry = z.output<typeof serviceEntrySchema>;
export type RequestDefaults = z.output<typeof requestDefaultsSchema>;
/** The parsed, validated service registry. */
export type FaultlineConfig = z.output<typeof faultlineConfigSchema>;
