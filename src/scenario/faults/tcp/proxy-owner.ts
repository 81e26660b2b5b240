import { createHash } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Who created a Toxiproxy proxy, written into its name so that a later run can tell its
 * own leftovers from anyone else's proxies:
 *
 *   faultline-<host>-<pid>-<run>-<scenario slug>
 *   host: 6 hex digits of a hash of the hostname;  pid: the run's process;  run: 6 hex of the run id
 *
 * A proxy is stale when its host is this host and its pid is no longer alive (the run was
 * SIGKILLed before its cleanup). Anything else (another host, a live run, a user's own
 * proxy) is never touched.
 */
export interface ProxyOwner {
  host: string;
  pid: number;
  run: string;
}

const OWNED = /^faultline-([0-9a-f]{6})-(\d+)-([0-9a-f]{6})-/;

/** This process's owner tag for a run. */
export function currentProxyOwner(runId: string): ProxyOwner {
  return {
    host: hostTag(),
    pid: process.pid,
    run: runId
      .replace(/[^0-9a-f]/gi, '')
      .slice(0, 6)
      .toLowerCase(),
  };
}

/** The prefix of every proxy name a run creates, e.g. "faultline-3fa2b1-4242-9c1d2e-". */
export function proxyNamePrefix(owner: ProxyOwner): string {
  return `faultline-${owner.host}-${owner.pid}-${owner.run}-`;
}

/** The owner encoded in a proxy name, or undefined for a proxy Faultline did not name. */
export function proxyOwnerOf(name: string): ProxyOwner | undefined {
  const match = OWNED.exec(name);
  return match ? { host: match[1]!, pid: Number(match[2]), run: match[3]! } : undefined;
}

/** 6 hex digits naming this host. */
export function hostTag(): string {
  return createHash('sha256').update(hostname()).digest('hex').slice(0, 6);
}
