import { z } from 'zod';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import type { Clock } from '../../time/clock.ts';
import { systemClock } from '../../time/system-clock.ts';
import { type AdapterClient, resolveAdapterClient } from '../adapter-client.ts';
import { callService } from '../call-service.ts';
import { SearchUnavailableError } from './search-unavailable-error.ts';

export interface SearchHit {
  id: string;
  title: string;
  score: number;
}

/** Fresh from the service, or the last good result for the same (query, limit), `ageMs` old. */
export type SearchResult =
  | { hits: SearchHit[]; total: number; stale: false }
  | { hits: SearchHit[]; total: number; stale: true; ageMs: number };

export interface SearchAdapterOptions {
  /** A client the caller owns, or options for a client the adapter creates and closes. */
  client: AdapterClient;
  /** Oldest last-good result served while search is unavailable, ms. @default 60_000 */
  maxStaleMs?: number;
  /** Distinct (query, limit) results remembered, least recently used evicted first. @default 1000 */
  maxEntries?: number;
  /** Ages stale results. @default systemClock */
  clock?: Clock;
}

export interface ResolvedSearchAdapterOptions {
  maxStaleMs: number;
  maxEntries: number;
  clock: Clock;
}

export const SEARCH_ADAPTER_DEFAULTS = { maxStaleMs: 60_000, maxEntries: 1000 } as const;

/** Validates options and applies defaults. */
export function resolveSearchAdapterOptions(options: SearchAdapterOptions): ResolvedSearchAdapterOptions {
  const maxStaleMs = options.maxStaleMs ?? SEARCH_ADAPTER_DEFAULTS.maxStaleMs;
  if (!(Number.isFinite(maxStaleMs) && maxStaleMs >= 0)) {
    throw new InvalidOptionsError('search.maxStaleMs', 'a number of ms >= 0', maxStaleMs);
  }
  const maxEntries = options.maxEntries ?? SEARCH_ADAPTER_DEFAULTS.maxEntries;
  if (!Number.isInteger(maxEntries) || maxEntries < 0) {
    throw new InvalidOptionsError('search.maxEntries', 'an integer >= 0', maxEntries);
  }
  return { maxStaleMs, maxEntries, clock: options.clock ?? systemClock };
}

/**
 * Search that serves stale results rather than nothing: every good answer is remembered per
 * (query, limit); while the service is unavailable, a remembered answer at most `maxStaleMs`
 * old is served with `stale: true`. Past that, `search` throws SearchUnavailableError. A 400
 * (bad query or limit) throws ServiceRejectedError and is never served from the cache.
 */
export interface SearchAdapter {
  search(query: string, limit?: number): Promise<SearchResult>;
  close(): Promise<void>;
}

const searchSchema = z.object({
  total: z.number().int().nonnegative(),
  hits: z.array(z.object({ id: z.string(), title: z.string(), score: z.number() })),
});

interface Entry {
  hits: SearchHit[];
  total: number;
  at: number;
}

/**
 * @example
 * const search = createSearchAdapter({ client: { service: 'search', baseUrl }, maxStaleMs: 30_000 });
 * const { hits, stale } = await search.search('circuit breaker', 5);
 */
export function createSearchAdapter(options: SearchAdapterOptions): SearchAdapter {
  const { maxStaleMs, maxEntries, clock } = resolveSearchAdapterOptions(options);
  const { client, release } = resolveAdapterClient(options.client);
  // A Map iterates in insertion order; re-inserting on use makes the first key the LRU one.
  const cache = new Map<string, Entry>();

  const remember = (key: string, entry: Entry): void => {
    if (maxEntries === 0) return;
    cache.delete(key);
    cache.set(key, entry);
    if (cache.size > maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  };

  return {
    async search(query, limit = 10) {
      // Why a NUL separator: a query may contain any printable character, never NUL.
      const key = `${query}\u0000${limit}`;
      const result = await callService(
        client,
        'search',
        `search ${JSON.stringify(query)}`,
        { method: 'GET', path: '/v1/search', query: { q: query, limit } },
        searchSchema,
      );
      if (result.kind === 'ok') {
        const { hits, total } = result.value;
        remember(key, { hits, total, at: clock.now() });
        return { hits, total, stale: false };
      }
      if (result.kind === 'rejected') throw result.error;
      const entry = cache.get(key);
      const ageMs = entry === undefined ? undefined : clock.now() - entry.at;
      if (entry !== undefined && ageMs !== undefined && ageMs <= maxStaleMs) {
        remember(key, entry);
        return { hits: entry.hits.map((h) => ({ ...h })), total: entry.total, stale: true, ageMs };
      }
      throw new SearchUnavailableError(query, limit, result.code, ageMs, maxStaleMs, result.error);
    },
    close: release,
  };
}
