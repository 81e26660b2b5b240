/**
 * The upper bounds of what a scenario or the registry may ask for, each defined once here:
 * the schemas (and so the JSON Schemas, the messages and docs/scenario-format.md) use them.
 *
 * Why bounds at all: a value that passes a ">= 0" check can still make no sense, and some
 * silently misbehave. Node's timers take at most 2^31 - 1 ms; a longer delay fires after
 * 1 ms (with a TimeoutOverflowWarning), so `latency: 1e12` would answer at once and
 * `durationMs: 1e10` would end a phase immediately. The loader rejects them instead.
 */

import { MAX_TIMER_MS } from '../time/clock.ts';

/** Longest duration or delay, ms: 2^31 - 1 (about 24.8 days), what one Node timer can wait. */
export { MAX_TIMER_MS };

/** Longest phase of a scenario, ms: one day. */
export const MAX_PHASE_MS = 24 * 60 * 60 * 1000;

/** Most workers a scenario's load may run at once (`load.concurrency`). */
export const MAX_CONCURRENCY = 10_000;

/**
 * Largest Toxiproxy attribute, in the attribute's own unit (ms, microseconds, bytes, KB/s):
 * 2^31 - 1, so no delay attribute can overflow a timer and every value fits Toxiproxy's
 * integer fields on any platform.
 */
export const MAX_TOXIC_ATTRIBUTE = 2 ** 31 - 1;

/** Largest `retryAfter` of an http fault, seconds: MAX_TIMER_MS in whole seconds. */
export const MAX_RETRY_AFTER_SECONDS = Math.floor(MAX_TIMER_MS / 1000);
