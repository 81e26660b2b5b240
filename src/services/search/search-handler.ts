import { createRouter } from '../create-router.ts';
import { InvalidRequestError } from '../parse-json-body.ts';
import type { ServiceHandler } from '../service-handler.ts';
import { jsonResponse } from '../service-response.ts';
import { createSearchIndex } from './search-index.ts';
import { createSearchStore, type SearchStore, searchStates } from './search-states.ts';

export interface SearchHandlerOptions {
  /**
   * Answer `POST /_faultline/state` (provider states for Pact verification).
   * @default false
   */
  states?: boolean;
}

/** Hits per page when `limit` is absent. */
export const DEFAULT_SEARCH_LIMIT = 10;
/** Largest accepted `limit`. */
export const MAX_SEARCH_LIMIT = 100;

/**
 * The search service: `GET /v1/search?q=&limit=` over a built-in corpus ranked by
 * TF-IDF (src/services/search/search-index.ts).
 */
export function createSearchHandler(options: SearchHandlerOptions = {}): ServiceHandler {
  const store: SearchStore = createSearchStore();
  // The index is rebuilt only when a provider state changed the corpus.
  let indexed = store.documents;
  let index = createSearchIndex(indexed);
  const reset = () => Object.assign(store, createSearchStore(), { overloaded: undefined });
  return createRouter(
    'search',
    [
      {
        method: 'GET',
        path: '/v1/search',
        degradable: true,
        handle(request) {
          const q = request.query.get('q');
          if (q === null || q.trim() === '')
            throw InvalidRequestError.expected('q', 'a non-empty query string', q ?? undefined);
          const limitText = request.query.get('limit');
          const limit = limitText === null ? DEFAULT_SEARCH_LIMIT : Number(limitText);
          if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
            throw InvalidRequestError.expected(
              'limit',
              `an integer from 1 to ${MAX_SEARCH_LIMIT}`,
              limitText,
            );
          }
          if (indexed !== store.documents) {
            indexed = store.documents;
            index = createSearchIndex(indexed);
          }
          const hits = index.search(q);
          return jsonResponse(200, { query: q, total: hits.length, hits: hits.slice(0, limit) });
        },
      },
    ],
    options.states ? { states: searchStates, store, reset } : undefined,
    {
      degraded: {
        current: () => store.overloaded,
        status: 503,
        error: 'overloaded',
        message: 'The search service is overloaded; retry after the Retry-After delay.',
      },
    },
  );
}
