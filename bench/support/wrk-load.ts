/**
 * wrk (https://github.com/wg/wrk, Debian package `wrk`) as the light, native HTTP load
 * generator of bench/proxy.bench.ts, with the CPU time it spent.
 *
 * Why: the Node load generator spends ~60 µs of CPU per request, more than the upstream
 * or the proxy. On two cores it is then the process that decides both the direct figure
 * (one core) and the proxied one (three processes sharing two), so the proxied/direct
 * ratio says more about the generator than about the proxy. wrk spends ~10 µs per request.
 *
 * wrk is optional: `wrkPath()` is undefined when it is not installed, and the bench falls
 * back to its Node generator. Install with `apt-get install wrk`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { procCpuUs } from './proc-cpu.ts';

export interface WrkResult {
  requests: number;
  perSecond: number;
  /** Latency percentiles from wrk's `--latency` distribution, in µs. */
  p50Us: number;
  p99Us: number;
  /** CPU time (user + system) wrk spent, in µs; NaN where /proc is not readable. */
  cpuUs: number;
}

let found: string | null | undefined;

/** The wrk command when it is installed (on PATH, or `WRK=<path>`), otherwise undefined. */
export function wrkPath(): string | undefined {
  if (found === undefined) {
    const command = process.env.WRK ?? 'wrk';
    const probe = spawnSync(command, ['--version'], { stdio: 'ignore' });
    found = probe.error ? null : command;
  }
  return found ?? undefined;
}

/**
 * Runs `wrk -t1 -c<connections> -d<seconds>s --latency <url>` and parses its report. One
 * thread: the machine has two cores, and the upstream and the proxy need them.
 */
export async function runWrk(url: string, connections: number, seconds: number): Promise<WrkResult> {
  const command = wrkPath();
  if (!command)
    throw new Error('Failed to run wrk: it is not installed. Install it with `apt-get install wrk`.');
  const cpuBefore = reapedChildrenCpuUs();
  const child = spawn(command, ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => {
    out += s;
  });
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    out += s;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  const cpuUs = reapedChildrenCpuUs() - cpuBefore;
  const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
  const perSecond = Number(/Requests\/sec:\s*([\d.]+)/.exec(out)?.[1]);
  const p50Us = latencyUs(out, '50%');
  const p99Us = latencyUs(out, '99%');
  if (
    code !== 0 ||
    /Socket errors|Non-2xx/.test(out) ||
    ![requests, perSecond, p50Us, p99Us].every(Number.isFinite)
  )
    throw new Error(`Failed to run wrk against ${url}: exit code ${code}, output:\n${out}`);
  return { requests, perSecond, p50Us, p99Us, cpuUs };
}

const UNIT_US: Record<string, number> = { us: 1, ms: 1000, s: 1e6 };

function latencyUs(out: string, percentile: string): number {
  const m = new RegExp(`^\\s*${percentile}\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(out);
  return m ? Number(m[1]) * UNIT_US[m[2]!]! : Number.NaN;
}

/**
 * CPU time of this process's exited and reaped children (`cutime + cstime` of
 * /proc/self/stat), in µs. Node reaps a child before its 'exit' event, so the difference
 * around one run is that child's CPU time. The bench children (upstream, proxy) are still
 * running and do not count. Resolution: one clock tick (10 ms), ~0.2% of a 5 s run.
 */
function reapedChildrenCpuUs(): number {
  try {
    return procCpuUs('self', 'reapedChildren');
  } catch {
    return Number.NaN;
  }
}
