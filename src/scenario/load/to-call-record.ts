import type { BreakerState, CallOutcome } from '../../client/client-types.ts';
import type { CallRecord } from '../../report/run-events.ts';
import type { LoadResponse } from './load-target.ts';

/** Codes that mean the request may have reached the upstream but no answer came back in time. */
const UNKNOWN_CODES = new Set(['FAULTLINE_TIMEOUT', 'FAULTLINE_DEADLINE_EXCEEDED']);

export interface CallContext {
  scenario: string;
  phase: string;
  /** Call start, ms since the scenario start. */
  t: number;
  latencyMs: number;
  deadlineMs: number;
  /** Latency above the deadline tolerated before the call counts as exceeding it, ms. */
  deadlineSlackMs: number;
  /** Breaker state read from the target when the outcome carries none. */
  breakerState: BreakerState;
}

/**
 * Turns what one call produced into its CallRecord.
 *
 * - ok: a 2xx/3xx response whose body is valid JSON when it says it is JSON (a caller
 *   cannot use a malformed body: it is `failed` with FAULTLINE_INVALID_RESPONSE);
 * - unknown: the call timed out after at least one attempt was sent (the upstream may
 *   have acted on it);
 * - failed: every other error or status.
 */
export function toCallRecord(
  result: { response: LoadResponse } | { error: unknown },
  ctx: CallContext,
): CallRecord {
  const base = {
    type: 'call' as const,
    scenario: ctx.scenario,
    phase: ctx.phase,
    t: ctx.t,
    latencyMs: ctx.latencyMs,
    deadlineMs: ctx.deadlineMs,
    deadlineExceeded: ctx.latencyMs > ctx.deadlineMs + ctx.deadlineSlackMs,
  };
  if ('response' in result) {
    const { response } = result;
    const outcome = response.outcome;
    const invalid = response.status < 400 && !bodyIsUsable(response);
    const ok = response.status >= 200 && response.status < 400 && !invalid;
    return {
      ...base,
      outcome: ok ? 'ok' : 'failed',
      status: response.status,
      ...(invalid ? { errorCode: 'FAULTLINE_INVALID_RESPONSE' } : {}),
      ...common(outcome, ctx),
    };
  }
  const error = result.error as
    | { code?: string; status?: number; outcome?: Partial<CallOutcome> }
    | undefined;
  const outcome = error?.outcome;
  const code = error?.code ?? 'UNKNOWN';
  // Without a reported attempt count a timeout may have been sent: unknown, not failed.
  const attempts = outcome?.attempts;
  return {
    ...base,
    outcome: UNKNOWN_CODES.has(code) && (attempts === undefined || attempts > 0) ? 'unknown' : 'failed',
    ...(typeof error?.status === 'number' ? { status: error.status } : {}),
    errorCode: code,
    ...common(outcome, ctx),
  };
}

/**
 * What the client reported about the call. Nothing is assumed: a client that attaches no
 * outcome leaves `attempts` and `shortCircuited` out (unknown), so a hypothesis about them
 * is inconclusive instead of passing on a default of 1 attempt per call.
 */
function common(outcome: Partial<CallOutcome> | undefined, ctx: CallContext) {
  return {
    ...(outcome?.attempts !== undefined ? { attempts: outcome.attempts } : {}),
    breakerState: outcome?.breakerState ?? ctx.breakerState,
    ...(outcome !== undefined ? { shortCircuited: outcome.shortCircuited ?? false } : {}),
    ...(outcome?.fallback !== undefined ? { fallback: outcome.fallback } : {}),
    ...(outcome?.stale ? { stale: true } : {}),
  };
}

function bodyIsUsable(response: LoadResponse): boolean {
  const type = response.headers?.['content-type'];
  const contentType = Array.isArray(type) ? type.join(',') : (type ?? '');
  if (!contentType.includes('json') || response.body === undefined || response.body.length === 0) return true;
  try {
    JSON.parse(Buffer.from(response.body).toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
