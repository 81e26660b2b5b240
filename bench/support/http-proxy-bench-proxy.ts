/**
 * Child process of bench/http-proxy.bench.ts: the HTTP fault proxy under test, in its own
 * process, in front of the upstream given in argv[2], with no faults and a wire log that
 * records every exchange (to a discarding sink: the event log's file I/O is not its cost).
 * Prints one JSON line `{url}`, then serves (and answers `cpu`) until its stdin closes.
 */
import { startHttpFaultProxy } from '../../src/http-proxy/start-http-fault-proxy.ts';
import { WireLog } from '../../src/scenario/wire/wire-log.ts';
import { systemClock } from '../../src/time/system-clock.ts';
import { serveBenchControl } from './bench-child-control.ts';

let recorded = 0;
const wire = new WireLog({
  clock: systemClock,
  onEntry: () => {
    recorded++;
  },
});
const proxy = await startHttpFaultProxy({ upstream: process.argv[2]!, wire });
process.stdout.write(`${JSON.stringify({ url: proxy.url })}\n`);
serveBenchControl(() => void proxy.close().then(() => process.exit(recorded >= 0 ? 0 : 1)));
