import { Toxiproxy } from 'toxiproxy-node-client';
import { hostTag, proxyOwnerOf } from './proxy-owner.ts';

export interface SweepResult {
  /** Names of the stale proxies removed. */
  removed: string[];
  /** "name: message" of stale proxies that could not be removed. */
  failed: string[];
}

export interface SweepOptions {
  /** Whether a process of this host is alive. @default signal 0 through process.kill */
  isAlive?(pid: number): boolean;
}

/**
 * Removes the proxies an earlier Faultline run on THIS host left on a Toxiproxy when it
 * was killed before its cleanup (SIGKILL, a crash of the machine's OOM killer): those
 * named by proxy-owner.ts whose process is gone. A user's other proxies, and those of a
 * Faultline run still alive or on another host, are never touched.
 *
 * @example
 * const { removed } = await sweepStaleProxies('http://127.0.0.1:8474');
 */
export async function sweepStaleProxies(
  toxiproxyUrl: string,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const isAlive = options.isAlive ?? processIsAlive;
  const here = hostTag();
  const proxies = await new Toxiproxy(toxiproxyUrl).getAll();
  const result: SweepResult = { removed: [], failed: [] };
  for (const [name, proxy] of Object.entries(proxies)) {
    const owner = proxyOwnerOf(name);
    if (!owner || owner.host !== here || owner.pid === process.pid || isAlive(owner.pid)) continue;
    try {
      await proxy.remove();
      result.removed.push(name);
    } catch (err) {
      result.failed.push(`${name}: ${(err as Error).message}`);
    }
  }
  return result;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
