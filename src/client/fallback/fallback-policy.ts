import type { Clock } from '../../time/clock.ts';
import type { FallbackKind, FallbackOptions } from '../client-types.ts';
import type { RawResponse } from '../transport/attempt-handler.ts';
import { DEFAULT_CACHE_MAX_ENTRIES, LastGoodCache } from './last-good-cache.ts';

/** A response served in place of a failed call. */
export interface FallbackResult {
  kind: FallbackKind;
  response: RawResponse;
  /** True for a cached entry. */
  stale: boolean;
}

/** Asks the alternate origin once; resolves undefined when it failed too. */
export type AlternateCall = () => Promise<RawResponse | undefined>;

/**
 * The outermost policy: what to serve when a call failed (never on caller abort).
 *
 * - `default`: a fixed JSON value (status 200 unless configured);
 * - `cache`: the last 2xx response for the call's cache key, if younger than maxAgeMs
 *   (served with `stale: true`);
 * - `alternate`: one attempt against another baseUrl; its failure is not served.
 *
 * @example
 * const fb = new FallbackPolicy({ kind: 'default', value: { items: [] } }, clock);
 * await fb.serve('GET /v1/search', noAlternate); // { kind: 'default', response, stale: false }
 */
export class FallbackPolicy {
  readonly kind: FallbackKind;
  private readonly cache: LastGoodCache | undefined;
  private readonly defaultResponse: RawResponse | undefined;

  constructor(options: FallbackOptions, clock: Clock) {
    this.kind = options.kind;
    if (options.kind === 'cache') {
      this.cache = new LastGoodCache(
        clock,
        options.maxAgeMs,
        options.maxEntries ?? DEFAULT_CACHE_MAX_ENTRIES,
      );
    } else if (options.kind === 'default') {
      this.defaultResponse = {
        status: options.status ?? 200,
        headers: { 'content-type': 'application/json', 'x-faultline-fallback': 'default' },
        body: new TextEncoder().encode(JSON.stringify(options.value ?? null)),
      };
    }
  }

  /** Remembers a successful response for the cache fallback (2xx only). */
  onSuccess(key: string, response: RawResponse): void {
    if (this.cache !== undefined && response.status >= 200 && response.status < 300) {
      this.cache.store(key, response);
    }
  }

  /** The fallback for a failed call, or undefined when there is none to serve. */
  async serve(key: string, alternate: AlternateCall): Promise<FallbackResult | undefined> {
    if (this.defaultResponse !== undefined) {
      return { kind: 'default', response: this.defaultResponse, stale: false };
    }
    if (this.cache !== undefined) {
      const hit = this.cache.lookup(key);
      return hit === undefined ? undefined : { kind: 'cache', response: hit.response, stale: true };
    }
    const response = await alternate();
    return response === undefined ? undefined : { kind: 'alternate', response, stale: false };
  }
}
