/**
 * Profiles one client-bench variant alone, for finding where its CPU goes:
 *
 *   PROFILE_TO=/tmp/v2.cpuprofile node --import tsx bench/support/profile-client.ts 2 [requests] [all]
 *
 * The profile covers the measured requests only (open it in Chrome DevTools or speedscope);
 * `all` first sets up and warms every other variant in the same process, as the interleaved
 * bench does (shared code then sees every variant's shapes). The argument is the index (or a label prefix) of a variant in client-variants.ts; the
 * upstream runs in a child process as in the bench. Prints req/s and CPU µs per request.
 */

import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import { clientVariants } from './client-variants.ts';
import { closedLoopLoad } from './closed-loop-load.ts';
import { startClientBenchUpstream } from './start-client-bench-upstream.ts';

const which = process.argv[2] ?? '2';
const variant = clientVariants[Number(which)] ?? clientVariants.find((v) => v.label.startsWith(which));
if (variant === undefined) {
  process.stderr.write(`profile-client: no variant ${which}; have 0..${clientVariants.length - 1}\n`);
  process.exit(2);
}
const requests = Number(process.argv[3] ?? 60_000);
/** CPU profile of the measured phase only (100 µs sampling), when set. */
const profileTo = process.env.PROFILE_TO;
/** `all`: warm every variant in this process first, as the interleaved bench does. */
const warmAll = process.argv[4] === 'all';
const upstream = await startClientBenchUpstream();
try {
  const { call, close } = variant.setup(upstream.url);
  const bounds = { concurrency: 32, maxRequests: requests, maxMs: 30_000 };
  const skip = new Set((process.env.PROFILE_SKIP ?? '').split(',').filter(Boolean).map(Number));
  const others = warmAll
    ? clientVariants.filter((v, i) => v !== variant && !skip.has(i)).map((v) => v.setup(upstream.url))
    : [];
  for (const other of others) await closedLoopLoad(other.call, { ...bounds, maxRequests: 5_000 });
  await closedLoopLoad(call, { ...bounds, maxRequests: 5_000 });
  const session = profileTo === undefined ? undefined : new Session();
  session?.connect();
  await session?.post('Profiler.enable');
  await session?.post('Profiler.setSamplingInterval', { interval: 100 });
  await session?.post('Profiler.start');
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration;
  });
  gc.observe({ entryTypes: ['gc'] });
  const f = await closedLoopLoad(call, bounds);
  gc.disconnect();
  if (session !== undefined && profileTo !== undefined) {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(profileTo, JSON.stringify(profile));
    session.disconnect();
  }
  process.stdout.write(
    `${variant.label}: ${Math.round(f.reqPerSec)} req/s, ${f.cpuUsPerReq.toFixed(1)} cpu µs/req, ${((gcMs * 1000) / requests).toFixed(1)} gc µs/req, ${f.errors} errors\n`,
  );
  await close();
  for (const other of others) await other.close();
} finally {
  await upstream.stop();
}
