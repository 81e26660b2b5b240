/**
 * Child process of the client bench: one contender of client-variants.ts (argv[2], its
 * index) against the upstream at argv[3]. Prints `{"ready":true}`, then answers each
 * control line `run <bounds JSON>` with the LoadFigures of one closed-loop run; closes its
 * client when stdin ends (bench-child-control.ts).
 *
 * Why a process per contender: in one shared process the contenders tax each other. The
 * garbage one leaves is collected during another's run, and undici's handler call sites
 * see every contender's handler class. An application runs one client, so each contender
 * runs alone in its own process (a fresh one per round: compare-on-client-upstream.ts).
 */
import { serveBenchControl } from './bench-child-control.ts';
import { clientVariants } from './client-variants.ts';
import { type ClosedLoopBounds, closedLoopLoad } from './closed-loop-load.ts';

const variant = clientVariants[Number(process.argv[2])];
const url = process.argv[3];
if (variant === undefined || url === undefined) {
  process.stderr.write('client-contender: usage: client-contender.ts <variant index> <upstream url>\n');
  process.exit(2);
}
const { call, close } = variant.setup(url);
serveBenchControl(
  () => void close().then(() => process.exit(0)),
  async (line) => {
    const bounds = JSON.parse(line.replace(/^run /, '')) as ClosedLoopBounds;
    return closedLoopLoad(call, bounds);
  },
);
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
