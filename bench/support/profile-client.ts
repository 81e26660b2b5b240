/**
 * Profiles one client-bench variant alone, for finding where its CPU goes:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/support/profile-client.ts 2
 *
 * The argument is the index (or a label prefix) of a variant in client-variants.ts; the
 * upstream runs in a child process as in the bench. Prints req/s and CPU µs per request.
 */

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
const upstream = await startClientBenchUpstream();
try {
  const { call, close } = variant.setup(upstream.url);
  const bounds = { concurrency: 32, maxRequests: requests, maxMs: 30_000 };
  await closedLoopLoad(call, { ...bounds, maxRequests: 5_000 });
  const f = await closedLoopLoad(call, bounds);
  process.stdout.write(
    `${variant.label}: ${Math.round(f.reqPerSec)} req/s, ${f.cpuUsPerReq.toFixed(1)} cpu µs/req, ${f.errors} errors\n`,
  );
  await close();
} finally {
  await upstream.stop();
}
