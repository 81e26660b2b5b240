import { outageState, type ProviderState } from '../provider-state.ts';
import { SEARCH_CORPUS, type SearchDocument } from './search-corpus.ts';

/** The search service's mutable content. */
export interface SearchStore {
  documents: SearchDocument[];
  overloaded?: { retryAfterSeconds: number };
}

export function createSearchStore(): SearchStore {
  return { documents: [...SEARCH_CORPUS] };
}

/** Provider states of the search service (docs/services.md lists them too). */
export const searchStates: readonly ProviderState<SearchStore>[] = [
  {
    name: 'documents matching {query} exist',
    description: 'A document titled after the query is added, so the query has at least one hit.',
    setup(store, params) {
      const query = params.string('query');
      // A new array, so the handler sees the corpus changed and rebuilds its index.
      store.documents = [
        ...store.documents,
        { id: `doc-state-${store.documents.length + 1}`, title: query, body: query },
      ];
    },
  },
  {
    name: 'no documents match {query}',
    description: 'The corpus is emptied, so every query answers 200 with no hits.',
    setup(store) {
      store.documents = [];
    },
  },
  outageState('search is overloaded', 'Every search answers 503 `overloaded`', (store, outage) => {
    store.overloaded = outage;
  }),
];
