import type { z } from 'zod';
import type { DelaySpec } from '../../schema/delay-spec-schema.ts';
import type { httpFaultSchema } from '../../schema/http-fault-schema.ts';

/**
 * An `http:` fault of the scenario format (docs/scenario-format.md) as written: which
 * requests it hits (match, rate, firstN, flap), an optional added delay, and at most one
 * effect. Declared by its schema (src/scenario/schema/http-fault-schema.ts).
 */
export type HttpFaultSpec = Omit<z.input<typeof httpFaultSchema>, 'delayMs'> & {
  /** Added latency before the response (the injected one, or the real one). */
  delayMs?: DelaySpec;
};

/** A fixed delay in ms, or a distribution drawn per request. */
export type { DelaySpec };

/** What happens to the real response of a request that is passed through. */
export type BodyEffect =
  | { kind: 'truncate'; bytes: number }
  | { kind: 'malformed' }
  | { kind: 'slow'; bytesPerSec: number };

/** The body effect of a fault, if it has one (truncate/malformed/slow act on the real response). */
export function bodyEffectOf(spec: HttpFaultSpec): BodyEffect | undefined {
  if (spec.truncateBody) return { kind: 'truncate', bytes: spec.truncateBody.bytes };
  if (spec.malformedBody) return { kind: 'malformed' };
  if (spec.slowBody) return { kind: 'slow', bytesPerSec: spec.slowBody.bytesPerSec };
  return undefined;
}
