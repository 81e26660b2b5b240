/**
 * The real Toxiproxy as a peer of bench/proxy.bench.ts: a `toxiproxy-server` binary named
 * by TOXIPROXY_BIN or found on the PATH, started on a free loopback port, given the same
 * proxies as ours through its own API, and measured on the same workloads in the same run.
 * Nothing is downloaded: without a binary the bench prints a note and measures ours only.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import type { ProxyConfig } from '../../src/proxy/proxy-config.ts';
import { freePort } from '../../src/scenario/faults/tcp/free-port.ts';
import { procCpuUs } from './proc-cpu.ts';

/** A proxy process under test: its proxies' listen addresses, its API and its CPU clock. */
export interface PeerProxy {
  /** Admin API base URL. */
  url: string;
  /** Listen address by proxy name. */
  listen: Record<string, string>;
  /** CPU time (user + system) the process has used so far, in µs. */
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

/** The toxiproxy-server command: TOXIPROXY_BIN, or `toxiproxy-server` when it runs. */
export function toxiproxyServerPath(): string | undefined {
  const command = process.env.TOXIPROXY_BIN ?? 'toxiproxy-server';
  const probe = spawnSync(command, ['-version'], { stdio: 'ignore' });
  return probe.error || probe.status !== 0 ? undefined : command;
}

/** Starts `command` on a free 127.0.0.1 port and creates `proxies` through POST /populate. */
export async function startToxiproxyPeer(command: string, proxies: ProxyConfig[]): Promise<PeerProxy> {
  const port = await freePort();
  const proc = spawn(command, ['-host', '127.0.0.1', '-port', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  proc.stderr!.setEncoding('utf8').on('data', (s: string) => {
    log = (log + s).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForApi(url, proc);
    const res = await fetch(`${url}/populate`, { method: 'POST', body: JSON.stringify(proxies) });
    if (res.status !== 201) throw new Error(`POST /populate answered ${res.status}: ${await res.text()}`);
    const created = (await res.json()) as { proxies: Array<{ name: string; listen: string }> };
    return {
      url,
      listen: Object.fromEntries(created.proxies.map((p) => [p.name, p.listen])),
      cpu: async () => processCpuUs(proc.pid!),
      async stop() {
        if (proc.exitCode !== null) return;
        const exited = once(proc, 'exit');
        proc.kill('SIGTERM');
        await exited;
      },
    };
  } catch (err) {
    proc.kill('SIGKILL');
    throw new Error(`Failed to start ${command}: ${(err as Error).message}\n${log}`);
  }
}

/** Polls GET /version, at most 100 times 50 ms apart (the server starts in milliseconds). */
async function waitForApi(url: string, proc: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) throw new Error(`exited with code ${proc.exitCode}`);
    try {
      if ((await fetch(`${url}/version`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('its API did not answer within 5 s');
}

/** utime + stime of a running process, in µs (10 ms resolution). */
function processCpuUs(pid: number): number {
  return procCpuUs(pid, 'own');
}
