import type { Benchmark, BenchResult } from './bench-types.ts';
import { type BenchChild, startBenchChild } from './support/bench-child.ts';
import { median } from './support/median.ts';
import { RPS_CONNECTIONS, RTT_REQUESTS, requestsPerSecond, roundTrips } from './support/proxy-workloads.ts';

/**
 * Pass-through cost of the HTTP fault proxy (no faults in force, wire log on) next to the
 * TCP fault proxy's (no toxics), both against a direct connection to the same upstream:
 * - round trip of small keep-alive requests on one connection (added µs, target <= 150),
 * - requests/s over 64 keep-alive connections (target >= 85% of direct).
 * Four processes (generator, upstream, TCP proxy, HTTP proxy); each round interleaves the
 * three sides; targets take the median over rounds of the paired ratio.
 */
const ROUNDS = 5;
const SIDES = ['direct', 'tcp proxy', 'http fault proxy'] as const;
type Side = (typeof SIDES)[number];

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

const benchmark: Benchmark = {
  name: 'http-proxy',
  async run(): Promise<BenchResult> {
    const up = await startBenchChild('proxy-bench-upstream.ts', { env: { BULK_BYTES: '1' } });
    const { http } = up.info as { http: number };
    const upstream = `http://127.0.0.1:${http}`;
    const children: BenchChild[] = [up];
    try {
      const tcp = await startBenchChild('proxy-bench-proxy.ts', {
        args: [JSON.stringify([{ name: 'http', listen: '127.0.0.1:0', upstream: `127.0.0.1:${http}` }])],
      });
      children.push(tcp);
      const httpProxy = await startBenchChild('http-proxy-bench-proxy.ts', { args: [upstream] });
      children.push(httpProxy);
      const origin: Record<Side, string> = {
        direct: upstream,
        'tcp proxy': `http://${(tcp.info as { listen: { http: string } }).listen.http}`,
        'http fault proxy': (httpProxy.info as { url: string }).url,
      };
      const rtt: Record<Side, number[]> = { direct: [], 'tcp proxy': [], 'http fault proxy': [] };
      const rps: Record<Side, number[]> = { direct: [], 'tcp proxy': [], 'http fault proxy': [] };
      const cpuPerReq: Record<'tcp proxy' | 'http fault proxy', number[]> = {
        'tcp proxy': [],
        'http fault proxy': [],
      };
      for (let round = 0; round < ROUNDS; round++) {
        const trips = await roundTrips(SIDES.map((s) => origin[s]));
        for (const [i, side] of SIDES.entries()) rtt[side].push(...trips[i]!);
        for (const side of SIDES) {
          const proxyChild = side === 'tcp proxy' ? tcp : side === 'http fault proxy' ? httpProxy : undefined;
          const before = await proxyChild?.cpu();
          const r = await requestsPerSecond(origin[side]);
          rps[side].push(r.perSecond);
          if (proxyChild && before !== undefined && side !== 'direct')
            cpuPerReq[side].push(((await proxyChild.cpu()) - before) / r.requests);
        }
      }
      for (const side of SIDES) rtt[side].sort((a, b) => a - b);
      const added = (side: Side) => pct(rtt[side], 0.5) - pct(rtt.direct, 0.5);
      const ratio = (side: Side) => median(rps[side].map((p, i) => p / rps.direct[i]!));
      const row = (side: Side) => ({
        label: side,
        'rtt p50 µs': pct(rtt[side], 0.5),
        'rtt p99 µs': pct(rtt[side], 0.99),
        'added p50 µs': side === 'direct' ? '' : added(side),
        'req/s (64 conns)': median(rps[side]),
        'of direct req/s': side === 'direct' ? '' : ratio(side),
        'proxy CPU µs/req': side === 'direct' ? '' : median(cpuPerReq[side]),
      });
      return {
        rows: SIDES.map(row),
        targets: [
          {
            name: 'HTTP fault proxy: added round-trip time <= 150 µs (p50)',
            ok: added('http fault proxy') <= 150,
            detail: `${added('http fault proxy').toFixed(1)} µs (tcp proxy: ${added('tcp proxy').toFixed(1)} µs)`,
          },
          {
            name: `HTTP fault proxy: requests/s (${RPS_CONNECTIONS} keep-alive connections) >= 85% of direct`,
            ok: ratio('http fault proxy') >= 0.85,
            detail: `${(ratio('http fault proxy') * 100).toFixed(1)}% (tcp proxy: ${(ratio('tcp proxy') * 100).toFixed(1)}%)`,
          },
        ],
        notes: [
          `${ROUNDS} rounds; round trips: ${RTT_REQUESTS} sequential requests per side and round, interleaved, pooled; req/s: Node generator, median paired ratio`,
          'HTTP fault proxy: no faults in force, wire log recording every exchange to a discarding sink',
        ],
      };
    } finally {
      for (const child of children.reverse()) await child.stop();
    }
  },
};

export default benchmark;
