/**
 * Child process of bench/proxy.bench.ts: the fault proxy under test, in its own process
 * (as it runs in real use), with the proxies given as JSON in argv[2]. Prints one JSON
 * line `{url, listen: {name: "host:port"}}`, then serves (and answers `cpu`, see
 * bench-child-control.ts) until its stdin closes.
 */
import { startFaultProxy } from '../../src/proxy/start-fault-proxy.ts';
import { serveBenchControl } from './bench-child-control.ts';

const config = JSON.parse(process.argv[2] ?? '[]');
const proxy = await startFaultProxy({ port: 0, config });
const res = await fetch(`${proxy.url}/proxies`);
const proxies = (await res.json()) as Record<string, { listen: string }>;
const listen = Object.fromEntries(Object.entries(proxies).map(([name, p]) => [name, p.listen]));
process.stdout.write(`${JSON.stringify({ url: proxy.url, listen })}\n`);
serveBenchControl(() => void proxy.close().then(() => process.exit(0)));
