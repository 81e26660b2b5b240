import { Counter, Gauge, Registry } from 'prom-client';
import type { BreakerState } from '../client-types.ts';
import type { ClientMetrics } from './client-metrics.ts';

const BREAKER_STATES: readonly BreakerState[] = ['closed', 'open', 'half-open', 'isolated'];

type CounterField =
  | 'calls'
  | 'attempts'
  | 'successes'
  | 'retries'
  | 'shortCircuits'
  | 'fallbacks'
  | 'budgetExhausted';

const COUNTERS: ReadonlyArray<[name: string, help: string, field: CounterField]> = [
  ['faultline_client_calls_total', 'Calls made through the client', 'calls'],
  ['faultline_client_attempts_total', 'Attempts that reached the transport', 'attempts'],
  ['faultline_client_successes_total', 'Calls that resolved (fallbacks included)', 'successes'],
  ['faultline_client_retries_total', 'Retries granted by the retry policy', 'retries'],
  ['faultline_client_short_circuits_total', 'Calls rejected by an open breaker', 'shortCircuits'],
  ['faultline_client_fallbacks_total', 'Calls served by a fallback', 'fallbacks'],
  ['faultline_client_retry_budget_exhausted_total', 'Retries refused by the retry budget', 'budgetExhausted'],
];

/** Counters of policies a client may not have: only clients that have them are exposed. */
const OPTIONAL_COUNTERS: ReadonlyArray<
  [name: string, help: string, field: 'bulkheadRejected' | 'rateLimited']
> = [
  ['faultline_client_bulkhead_rejected_total', 'Calls rejected by the bulkhead', 'bulkheadRejected'],
  ['faultline_client_rate_limited_total', 'Attempts refused by the client-side rate limit', 'rateLimited'],
];

/**
 * A prom-client Registry exposing the metrics of any number of clients, one `service`
 * label each. Values are read from the clients at scrape time (`collect`), so the hot path
 * pays nothing for Prometheus.
 *
 * @example
 * const registry = new ClientMetricsRegistry();
 * registry.add(clientMetrics);
 * const text = await registry.metrics(); // Prometheus text exposition
 */
export class ClientMetricsRegistry {
  readonly registry = new Registry();
  private readonly clients = new Set<ClientMetrics>();

  constructor() {
    const clients = this.clients;
    for (const [name, help, field] of COUNTERS) {
      new Counter({
        name,
        help,
        labelNames: ['service'],
        registers: [this.registry],
        collect() {
          this.reset();
          for (const c of clients) this.inc({ service: c.service }, c[field]);
        },
      });
    }
    new Counter({
      name: 'faultline_client_failures_total',
      help: 'Calls that failed, by error code',
      labelNames: ['service', 'code'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const c of clients) {
          for (const [code, n] of c.failuresByCode) this.inc({ service: c.service, code }, n);
        }
      },
    });
    for (const [name, help, field] of OPTIONAL_COUNTERS) {
      new Counter({
        name,
        help,
        labelNames: ['service'],
        registers: [this.registry],
        collect() {
          this.reset();
          for (const c of clients) {
            const value = c[field];
            if (value !== undefined) this.inc({ service: c.service }, value);
          }
        },
      });
    }
    new Gauge({
      name: 'faultline_client_latency_ms',
      help: 'Call latency percentiles since the client started, ms',
      labelNames: ['service', 'quantile'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const c of clients) {
          for (const q of [0.5, 0.95, 0.99, 1]) {
            this.set({ service: c.service, quantile: String(q) }, c.latencyPercentileMs(q * 100));
          }
        }
      },
    });
    new Gauge({
      name: 'faultline_client_breaker_state',
      help: 'Breaker state: 1 for the current state, 0 for the others',
      labelNames: ['service', 'state'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const c of clients) {
          const current = c.snapshot().breakerState;
          for (const state of BREAKER_STATES)
            this.set({ service: c.service, state }, state === current ? 1 : 0);
        }
      },
    });
    new Counter({
      name: 'faultline_client_breaker_transitions_total',
      help: 'Breaker state transitions',
      labelNames: ['service'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const c of clients) this.inc({ service: c.service }, c.breakerTransitions);
      },
    });
  }

  /** Starts exposing `metrics`; returns a function that stops it. */
  add(metrics: ClientMetrics): () => void {
    this.clients.add(metrics);
    return () => this.clients.delete(metrics);
  }

  /** Prometheus text exposition of every client added. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
