import { performance } from 'node:perf_hooks';
import { build } from 'hdr-histogram-js';

/** Bounds of one closed-loop run: it stops at whichever comes first. */
export interface ClosedLoopBounds {
  /** Workers, each issuing its next call as soon as the previous one settles. */
  concurrency: number;
  /** Calls issued in total. */
  maxRequests: number;
  /** Wall-clock budget of the run, ms. */
  maxMs: number;
}

export interface LoadFigures {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Process CPU time (user + system) per request, µs: steadier than req/s on a busy machine. */
  cpuUsPerReq: number;
  /** Calls that rejected; they count in the latency and throughput figures too. */
  errors: number;
}

/**
 * `concurrency` workers calling `call` back to back until `maxRequests` are issued or
 * `maxMs` passed; latency of every call (failed ones included) in an HDR histogram, µs.
 */
export async function closedLoopLoad(
  call: () => Promise<unknown>,
  bounds: ClosedLoopBounds,
): Promise<LoadFigures> {
  const histogram = build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3,
  });
  let issued = 0;
  let done = 0;
  let errors = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const stopAt = start + bounds.maxMs;
  const worker = async () => {
    while (issued < bounds.maxRequests && performance.now() < stopAt) {
      issued++;
      const t0 = performance.now();
      try {
        await call();
      } catch {
        errors++;
      }
      histogram.recordValue(Math.max(1, Math.round((performance.now() - t0) * 1000)));
      done++;
    }
  };
  await Promise.all(Array.from({ length: bounds.concurrency }, worker));
  const elapsed = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return {
    cpuUsPerReq: (cpu.user + cpu.system) / Math.max(1, done),
    reqPerSec: (done / elapsed) * 1000,
    p50Ms: histogram.getValueAtPercentile(50) / 1000,
    p99Ms: histogram.getValueAtPercentile(99) / 1000,
    errors,
  };
}
