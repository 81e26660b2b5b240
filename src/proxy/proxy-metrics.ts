import { Counter, collectDefaultMetrics, Registry } from 'prom-client';
import type { StreamDirection } from './toxic-wrapper.ts';

/** Plain counters a connection bumps per chunk; read into Prometheus only on scrape. */
export interface ByteCounters {
  received: number;
  sent: number;
}

interface Series {
  /** Keys in alphabetical order: prom-client prints labels in key order, Go's client sorts them. */
  labels: { direction: StreamDirection; listener: string; proxy: string; upstream: string };
  counters: ByteCounters;
  reported: ByteCounters;
}

/**
 * Toxiproxy's proxy metrics in Prometheus text: `toxiproxy_proxy_received_bytes_total`
 * (bytes read from the source) and `toxiproxy_proxy_sent_bytes_total` (bytes written to
 * the destination, after toxics), labelled `direction, listener, proxy, upstream` in that
 * (alphabetical) order, as Toxiproxy's exposition prints them, so scripts that grep a
 * series line match both. With `runtime`, the Node process metrics too (`process_*`, as
 * Go's process collector names them, and `nodejs_*` where Toxiproxy has `go_*`).
 *
 * Why plain numbers: the data path counts every chunk, and a labelled prom-client
 * increment per chunk costs a label hash; adding to a number costs nothing. The deltas
 * move into the prom-client counters when /metrics is scraped.
 */
export class ProxyMetrics {
  readonly registry = new Registry();
  private readonly series = new Map<string, Series>();
  private readonly received: Counter<string>;
  private readonly sent: Counter<string>;

  constructor(options: { runtime?: boolean } = {}) {
    const labelNames = ['direction', 'listener', 'proxy', 'upstream'];
    this.received = new Counter({
      name: 'toxiproxy_proxy_received_bytes_total',
      help: 'The total bytes received from the source',
      labelNames,
      registers: [this.registry],
    });
    this.sent = new Counter({
      name: 'toxiproxy_proxy_sent_bytes_total',
      help: 'The total bytes sent to the destination',
      labelNames,
      registers: [this.registry],
    });
    if (options.runtime === true) collectDefaultMetrics({ register: this.registry });
  }

  /** The counters of one proxy direction (shared by all its connections). */
  counters(proxy: string, listener: string, upstream: string, direction: StreamDirection): ByteCounters {
    const key = `${direction}\u0000${proxy}\u0000${listener}\u0000${upstream}`;
    let series = this.series.get(key);
    if (series === undefined) {
      series = {
        labels: { direction, listener, proxy, upstream },
        counters: { received: 0, sent: 0 },
        reported: { received: 0, sent: 0 },
      };
      this.series.set(key, series);
    }
    return series.counters;
  }

  /** The Prometheus text exposition. */
  async text(): Promise<string> {
    for (const s of this.series.values()) {
      this.received.inc(s.labels, s.counters.received - s.reported.received);
      this.sent.inc(s.labels, s.counters.sent - s.reported.sent);
      s.reported = { ...s.counters };
    }
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
