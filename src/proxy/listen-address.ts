import { lookup } from 'node:dns/promises';
import { type AddressInfo, isIP } from 'node:net';

/** A `host:port` split as Go's net.SplitHostPort does (`[::1]:80`, `:80`, `localhost:0`). */
export function splitHostPort(address: string): { host: string; port: number } | undefined {
  const i = address.lastIndexOf(':');
  if (i < 0) return undefined;
  let host = address.slice(0, i);
  const portText = address.slice(i + 1);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (portText === '') return { host, port: 0 };
  if (!/^\d+$/.test(portText)) return undefined;
  const port = Number(portText);
  if (port > 65535) return undefined;
  return { host, port };
}

/** `host:port` as Go prints it (IPv6 hosts in brackets). */
export function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * A listen address with its host name resolved as Go's `net.ResolveTCPAddr` does for
 * "tcp" (the first IPv4 address, else the first one): `localhost:28640` →
 * `{ host: '127.0.0.1', port: 28640, address: '127.0.0.1:28640' }`. An empty host stays
 * empty (every interface). Undefined when the address has no valid port; throws
 * `lookup <host>: no such host` when the name does not resolve.
 */
export async function resolveListenAddress(
  listen: string,
): Promise<{ host: string; port: number; address: string } | undefined> {
  const parsed = splitHostPort(listen);
  if (parsed === undefined) return undefined;
  let host = parsed.host;
  if (host !== '' && isIP(host) === 0) {
    let found: Array<{ address: string; family: number }>;
    try {
      found = await lookup(host, { all: true });
    } catch (err) {
      throw new Error(`lookup ${host}: no such host`, { cause: err });
    }
    host = (found.find((a) => a.family === 4) ?? found[0])?.address ?? host;
  }
  const address = host === '' ? `:${parsed.port}` : joinHostPort(host, parsed.port);
  return { host, port: parsed.port, address };
}

/** The address a listener really bound, as Go prints it: `127.0.0.1:41234`, `[::]:41234`. */
export function formatAddress(info: AddressInfo): string {
  return joinHostPort(info.address, info.port);
}

/**
 * A Node listen/dial error in the words Go's net package uses, which is what Toxiproxy
 * answers with (e.g. `listen tcp 127.0.0.1:8474: bind: address already in use`).
 */
export function goNetErrorMessage(
  op: 'listen' | 'dial',
  address: string,
  err: NodeJS.ErrnoException,
): string {
  const reasons: Record<string, string> = {
    EADDRINUSE: 'bind: address already in use',
    EACCES: 'bind: permission denied',
    EADDRNOTAVAIL: 'bind: cannot assign requested address',
    ECONNREFUSED: 'connect: connection refused',
    ENOTFOUND: 'no such host',
  };
  const reason = (err.code !== undefined ? reasons[err.code] : undefined) ?? err.message;
  return `${op} tcp ${address}: ${reason}`;
}
