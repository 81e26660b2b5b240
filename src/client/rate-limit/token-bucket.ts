import { RATE_LIMIT_DEFAULTS } from '../../config/options/client-defaults.ts';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import { boolean, numberAbove, numberAtLeast, type Rules, resolveGroup } from '../_internals/validate.ts';
import type { RateLimitOptions } from '../client-types.ts';

/** RateLimitOptions with every field present. */
export type ResolvedRateLimitOptions = Required<RateLimitOptions>;

const RATE_LIMIT_RULES: Rules<ResolvedRateLimitOptions> = {
  ratePerSec: numberAbove(0, ' tokens/s'),
  burst: numberAtLeast(1, ' tokens'),
  maxWaitMs: numberAtLeast(0, ' ms'),
  pauseOn429: boolean,
};

/**
 * Validates and fills in RateLimitOptions; throws InvalidOptionsError naming `rateLimit.<field>`.
 * `burst` defaults to max(1, ceil(ratePerSec)) (ratePerSec is checked first).
 */
export function resolveRateLimitOptions(o: RateLimitOptions): ResolvedRateLimitOptions {
  const burst = Math.max(1, Math.ceil(o?.ratePerSec));
  return resolveGroup('rateLimit', o, RATE_LIMIT_RULES, { ...RATE_LIMIT_DEFAULTS, burst });
}

/**
 * A token bucket as a pure state machine of `now` (ms on the client's clock): `burst`
 * tokens, refilled continuously at `ratePerSec`. `take(now)` either takes a token (returns
 * 0) or says how long until one is available (and takes nothing). `reserve(now)` takes a
 * token that may not exist yet, so a caller can sleep its returned wait and then go: that
 * keeps waiters in FIFO order without a queue (like Guava's SmoothBursty, the bucket's
 * state runs ahead to the last reserved go time, so tokens never go negative).
 * `pauseUntil(at)` holds every token back until `at` (a 429 Retry-After).
 *
 * @example
 * const bucket = new TokenBucket({ ratePerSec: 10, burst: 2 }, clock.now());
 * bucket.take(clock.now()); // 0: go
 */
export class TokenBucket {
  readonly options: ResolvedRateLimitOptions;
  private tokens: number;
  private updatedAt: number;
  private pausedUntil = Number.NEGATIVE_INFINITY;

  constructor(options: RateLimitOptions, now: number) {
    this.options = resolveRateLimitOptions(options);
    this.tokens = this.options.burst;
    this.updatedAt = now;
  }

  /** Takes a token and returns 0, or returns the wait in ms until one is available. */
  take(now: number): number {
    const wait = this.waitMs(now);
    if (wait === 0) this.tokens -= 1;
    return wait;
  }

  /** Takes a token now or in the future; returns how long the caller must wait before using it, ms. */
  reserve(now: number): number {
    const wait = this.waitMs(now);
    // Charge the token at the moment it is used, not now: the bucket's state moves ahead to
    // `now + wait`, so the burst cap applies at that moment. Charging now while a 429 pause
    // delays the caller let the refill during the pause go uncapped, and every caller
    // reserved during the pause went at once when it ended (far more than `burst`).
    this.refill(now + wait);
    this.tokens -= 1;
    return wait;
  }

  /** Wait until a token is available, without taking it, ms. */
  waitMs(now: number): number {
    this.refill(now);
    const paused = Math.max(0, this.pausedUntil - now);
    // After a reserve() the state may be ahead of `now` (at the reserved caller's go time).
    const ahead = Math.max(0, this.updatedAt - now);
    const missing = this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.options.ratePerSec) * 1000;
    return Math.max(paused, ahead + missing);
  }

  /** How long a 429 pause still holds tokens back at `now`, ms (0 when not paused). */
  pausedFor(now: number): number {
    return Math.max(0, this.pausedUntil - now);
  }

  /** Holds every token back until the clock reading `at` (later calls only extend it). */
  pauseUntil(at: number): void {
    if (!Number.isFinite(at)) throw new InvalidOptionsError('pauseUntil(at)', 'a finite clock reading', at);
    this.pausedUntil = Math.max(this.pausedUntil, at);
  }

  private refill(now: number): void {
    if (now <= this.updatedAt) return;
    this.tokens = Math.min(
      this.options.burst,
      this.tokens + ((now - this.updatedAt) / 1000) * this.options.ratePerSec,
    );
    this.updatedAt = now;
  }
}
