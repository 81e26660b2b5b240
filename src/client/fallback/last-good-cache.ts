import { FALLBACK_DEFAULTS } from '../../config/options/client-defaults.ts';
import type { Clock } from '../../time/clock.ts';
import type { RawResponse } from '../transport/attempt-handler.ts';

/** Entries the cache keeps (the `fallback.maxEntries` default, declared in client-defaults.ts). */
export const DEFAULT_CACHE_MAX_ENTRIES: number = FALLBACK_DEFAULTS.maxEntries;

/** A cache hit: the response and how old it is. */
export interface CacheHit {
  response: RawResponse;
  ageMs: number;
}

/**
 * The last good (2xx) response per key, kept for the `cache` fallback. Entries older than
 * `maxAgeMs` are never served (and are dropped when looked up); at most `maxEntries` are
 * kept, least recently stored first out (a Map iterates in insertion order, and `set`
 * re-inserts, so the first key is always the oldest write).
 *
 * @example
 * const cache = new LastGoodCache(clock, 60_000);
 * cache.store('GET /v1/user', response);
 * cache.lookup('GET /v1/user'); // { response, ageMs } while younger than 60 s
 */
export class LastGoodCache {
  private readonly entries = new Map<string, { response: RawResponse; storedAt: number }>();

  constructor(
    private readonly clock: Clock,
    readonly maxAgeMs: number,
    readonly maxEntries = DEFAULT_CACHE_MAX_ENTRIES,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  store(key: string, response: RawResponse): void {
    this.entries.delete(key);
    this.entries.set(key, { response, storedAt: this.clock.now() });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  lookup(key: string): CacheHit | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    const ageMs = this.clock.now() - entry.storedAt;
    if (ageMs > this.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    return { response: entry.response, ageMs };
  }
}
