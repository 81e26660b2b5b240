/** A document of the search service's corpus. */
export interface SearchDocument {
  id: string;
  title: string;
  body: string;
}

/** The built-in corpus: short engineering articles, so that queries have realistic overlap. */
export const SEARCH_CORPUS: readonly SearchDocument[] = [
  {
    id: 'doc-001',
    title: 'Circuit breakers in practice',
    body: 'A circuit breaker stops calls to a failing dependency and lets it recover before traffic returns.',
  },
  {
    id: 'doc-002',
    title: 'Retry with exponential backoff',
    body: 'Retries with jittered exponential backoff spread load; retry only idempotent requests.',
  },
  {
    id: 'doc-003',
    title: 'Timeouts and deadlines',
    body: 'Every call needs a timeout, and a request needs a deadline that bounds all its retries.',
  },
  {
    id: 'doc-004',
    title: 'Idempotency keys for payments',
    body: 'An idempotency key lets a client retry a payment or notification without a duplicate charge.',
  },
  {
    id: 'doc-005',
    title: 'Bulkheads isolate failures',
    body: 'A bulkhead limits concurrent calls so that one slow dependency cannot exhaust every worker.',
  },
  {
    id: 'doc-006',
    title: 'Load shedding under overload',
    body: 'An overloaded service answers 503 with Retry-After instead of queueing requests forever.',
  },
  {
    id: 'doc-007',
    title: 'Rate limiting with token buckets',
    body: 'A token bucket rate limiter answers 429 when a client exceeds its budget of requests.',
  },
  {
    id: 'doc-008',
    title: 'Fallbacks and stale caches',
    body: 'A fallback serves a cached or default answer when the dependency fails or the breaker is open.',
  },
  {
    id: 'doc-009',
    title: 'Consumer-driven contract testing',
    body: 'Consumer contracts with Pact record the requests a consumer makes; the provider verifies them.',
  },
  {
    id: 'doc-010',
    title: 'Chaos engineering experiments',
    body: 'Chaos experiments inject latency, errors and outages to test a hypothesis about resilience.',
  },
  {
    id: 'doc-011',
    title: 'Latency percentiles matter',
    body: 'Tail latency at p99 decides user experience; averages hide slow requests and timeouts.',
  },
  {
    id: 'doc-012',
    title: 'Toxiproxy network faults',
    body: 'Toxiproxy adds latency, bandwidth limits, resets and timeouts to TCP connections.',
  },
  {
    id: 'doc-013',
    title: 'Health checks and readiness',
    body: 'A health endpoint reports whether a service is ready; load balancers stop routing when it fails.',
  },
  {
    id: 'doc-014',
    title: 'Retry storms and amplification',
    body: 'Retries at every layer multiply load on a failing dependency; budget retries to avoid a storm.',
  },
  {
    id: 'doc-015',
    title: 'Graceful shutdown of servers',
    body: 'Graceful shutdown stops accepting connections and lets in-flight requests finish before exit.',
  },
  {
    id: 'doc-016',
    title: 'Observability with metrics',
    body: 'Metrics for calls, errors and latency histograms show how a client behaves under faults.',
  },
  {
    id: 'doc-017',
    title: 'Search relevance with TF-IDF',
    body: 'TF-IDF scores documents by term frequency weighted by how rare each term is in the corpus.',
  },
  {
    id: 'doc-018',
    title: 'Model inference serving',
    body: 'Inference services serve model predictions; overload and slow models need timeouts and fallbacks.',
  },
  {
    id: 'doc-019',
    title: 'Authentication tokens',
    body: 'Token verification checks signature, expiry and claims before a request is authorised.',
  },
  {
    id: 'doc-020',
    title: 'Event analytics pipelines',
    body: 'Analytics pipelines ingest events in batches and must tolerate duplicates and late events.',
  },
];
