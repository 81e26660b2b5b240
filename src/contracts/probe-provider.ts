import { connect } from 'node:net';

/** How long the reachability preflight waits for a TCP connection, ms. */
export const PROVIDER_PROBE_TIMEOUT_MS = 2_000;

/**
 * Opens (and closes) one TCP connection to the provider before verifying it, so that an
 * unreachable provider fails at once with its error code rather than after a timeout per
 * interaction. Resolves undefined when it connected, else the reason (`ECONNREFUSED`,
 * `ENOTFOUND`, `ETIMEDOUT`).
 *
 * @example
 * const reason = await probeProvider('http://127.0.0.1:8080'); // 'ECONNREFUSED' when nothing listens
 */
export function probeProvider(
  url: string,
  timeoutMs = PROVIDER_PROBE_TIMEOUT_MS,
): Promise<string | undefined> {
  const parsed = new URL(url);
  const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs);
    const done = (reason: string | undefined) => {
      socket.destroy();
      resolve(reason);
    };
    socket.once('connect', () => done(undefined));
    socket.once('timeout', () => done('ETIMEDOUT'));
    socket.once('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
  });
}
