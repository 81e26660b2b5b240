import { startBenchChild } from './bench-child.ts';

/** The upstream of the client benchmarks, running in a child process. */
export interface ClientBenchUpstream {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Closes the child's stdin and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts bench/support/client-bench-upstream.ts in a child process, so the upstream does
 * not share the bench's event loop, and waits until it listens.
 */
export async function startClientBenchUpstream(): Promise<ClientBenchUpstream> {
  const child = await startBenchChild('client-bench-upstream.ts');
  const { port } = child.info as { port: number };
  return { url: `http://127.0.0.1:${port}`, stop: () => child.stop() };
}
