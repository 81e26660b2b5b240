import { outageState, type ProviderState } from '../provider-state.ts';

/** The analytics service's mutable content. */
export interface AnalyticsStore {
  /** Events accepted since start (or the last reset). */
  accepted: number;
  /** When set, every ingest call answers 503 with this Retry-After. */
  unavailable?: { retryAfterSeconds: number };
}

export function createAnalyticsStore(): AnalyticsStore {
  return { accepted: 0 };
}

/** Provider states of the analytics service (docs/services.md lists them too). */
export const analyticsStates: readonly ProviderState<AnalyticsStore>[] = [
  {
    name: 'analytics accepts events',
    description: 'Ingestion is up (the default).',
    setup(store) {
      store.unavailable = undefined;
    },
  },
  outageState('analytics is unavailable', 'Every ingest call answers 503 `unavailable`', (store, outage) => {
    store.unavailable = outage;
  }),
];
