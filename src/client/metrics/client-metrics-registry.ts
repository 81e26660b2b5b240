import { createRequire } from 'node:module';
import type * as PromClient from 'prom-client';
import type { BreakerState } from '../client-types.ts';
import type { ClientMetrics } from './client-metrics.ts';

const BREAKER_STATES: readonly BreakerState[] = ['closed', 'open', 'half-open', 'isolated'];

/** Labels of one sample besides `service`. */
type Labels = Record<string, string>;

/**
 * One exposed metric: its name, help and kind, the labels it has besides `service`, and how
 * to read it from one client at scrape time (`emit` once per label set; a client without
 * the figure emits nothing and is not exposed).
 */
interface MetricSpec {
  kind: 'counter' | 'gauge';
  name: string;
  help: string;
  labels?: readonly string[];
  read(client: ClientMetrics, emit: (labels: Labels, value: number) => void): void;
}

/** A counter with only the `service` label; `undefined` (a policy the client lacks) emits nothing. */
const counter = (
  name: string,
  help: string,
  value: (c: ClientMetrics) => number | undefined,
): MetricSpec => ({
  kind: 'counter',
  name,
  help,
  read(c, emit) {
    const v = value(c);
    if (v !== undefined) emit({}, v);
  },
});

/** Every metric, in exposition order. */
const METRICS: readonly MetricSpec[] = [
  counter('faultline_client_calls_total', 'Calls made through the client', (c) => c.calls),
  counter('faultline_client_attempts_total', 'Attempts that reached the transport', (c) => c.attempts),
  counter('faultline_client_successes_total', 'Calls that resolved (fallbacks included)', (c) => c.successes),
  counter('faultline_client_retries_total', 'Retries granted by the retry policy', (c) => c.retries),
  counter(
    'faultline_client_short_circuits_total',
    'Calls rejected by an open breaker',
    (c) => c.shortCircuits,
  ),
  counter('faultline_client_fallbacks_total', 'Calls served by a fallback', (c) => c.fallbacks),
  counter(
    'faultline_client_retry_budget_exhausted_total',
    'Retries refused by the retry budget',
    (c) => c.budgetExhausted,
  ),
  {
    kind: 'counter',
    name: 'faultline_client_failures_total',
    help: 'Calls that failed, by error code',
    labels: ['code'],
    read(c, emit) {
      for (const [code, n] of c.failuresByCode) emit({ code }, n);
    },
  },
  // Counters of policies a client may not have: only clients that have them are exposed.
  counter(
    'faultline_client_bulkhead_rejected_total',
    'Calls rejected by the bulkhead',
    (c) => c.bulkheadRejected,
  ),
  counter(
    'faultline_client_rate_limited_total',
    'Attempts refused by the client-side rate limit',
    (c) => c.rateLimited,
  ),
  {
    kind: 'gauge',
    name: 'faultline_client_latency_ms',
    help: 'Call latency percentiles since the client started, ms',
    labels: ['quantile'],
    read(c, emit) {
      for (const q of [0.5, 0.95, 0.99, 1]) emit({ quantile: String(q) }, c.latencyPercentileMs(q * 100));
    },
  },
  {
    kind: 'gauge',
    name: 'faultline_client_breaker_state',
    help: 'Breaker state: 1 for the current state, 0 for the others',
    labels: ['state'],
    read(c, emit) {
      const current = c.snapshot().breakerState;
      for (const state of BREAKER_STATES) emit({ state }, state === current ? 1 : 0);
    },
  },
  counter(
    'faultline_client_breaker_transitions_total',
    'Breaker state transitions',
    (c) => c.breakerTransitions,
  ),
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
  readonly registry: PromClient.Registry;
  private readonly clients = new Set<ClientMetrics>();

  constructor() {
    // prom-client loads on the first registry, not with `import 'faultline'`: most clients
    // never expose Prometheus metrics (issue 12: importing faultline stays cheap).
    const { Counter, Gauge, Registry } = promClient();
    this.registry = new Registry();
    const clients = this.clients;
    // Every sample of `spec`, one per client and label set, with the client's `service` label.
    const each = (spec: MetricSpec, record: (labels: Labels, value: number) => void) => {
      for (const c of clients)
        spec.read(c, (labels, value) => record({ service: c.service, ...labels }, value));
    };
    for (const spec of METRICS) {
      const configuration = {
        name: spec.name,
        help: spec.help,
        labelNames: ['service', ...(spec.labels ?? [])],
        registers: [this.registry],
      };
      if (spec.kind === 'counter') {
        new Counter({
          ...configuration,
          collect() {
            this.reset();
            each(spec, (labels, value) => this.inc(labels, value));
          },
        });
      } else {
        new Gauge({
          ...configuration,
          collect() {
            this.reset();
            each(spec, (labels, value) => this.set(labels, value));
          },
        });
      }
    }
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

let loaded: typeof PromClient | undefined;

/** prom-client, required (it is CommonJS) the first time a registry is made. */
function promClient(): typeof PromClient {
  loaded ??= createRequire(import.meta.url)('prom-client') as typeof PromClient;
  return loaded;
}
