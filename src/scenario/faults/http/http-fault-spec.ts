/**
 * An `http:` fault of the scenario format (docs/scenario-format.md): which requests it
 * hits (match, rate, firstN, flap), an optional added delay, and at most one effect.
 */
export interface HttpFaultSpec {
  /** Only requests to this upstream instance (1-based); omitted = every instance. */
  endpoint?: number;
  match?: { method?: string; path?: string };
  /** Probability per matching request, drawn from the scenario seed. @default 1 */
  rate?: number;
  /** Only the first N matching requests (counted from when the fault is applied). */
  firstN?: number;
  /** Active `onMs`, inactive `offMs`, repeating from when the fault is applied. */
  flap?: { onMs: number; offMs: number };
  /** Added latency before the response (the injected one, or the real one). */
  delayMs?: DelaySpec;
  status?: number;
  /** Seconds, or an HTTP-date. Only with `status`. */
  retryAfter?: number | string;
  /** JSON body of an injected status. Only with `status`. */
  body?: unknown;
  networkError?: true;
  truncateBody?: { bytes: number };
  malformedBody?: true;
  slowBody?: { bytesPerSec: number };
}

/** A fixed delay in ms, or a distribution drawn per request. */
export type DelaySpec =
  | number
  | { uniform: [number, number] }
  | { normal: { mean: number; stddev: number } }
  | { exponential: { mean: number } };

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
