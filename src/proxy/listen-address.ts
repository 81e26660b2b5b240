import type { AddressInfo } from 'node:net';

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

/** The address a listener really bound, as Go prints it: `127.0.0.1:41234`, `[::]:41234`. */
export function formatAddress(info: AddressInfo): string {
  return info.family === 'IPv6' || info.address.includes(':')
    ? `[${info.address}]:${info.port}`
    : `${info.address}:${info.port}`;
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
