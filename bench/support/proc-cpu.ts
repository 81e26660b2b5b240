import { readFileSync } from 'node:fs';

/** `getconf CLK_TCK`: 100 on every Linux the bench runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time from /proc/<pid>/stat, in µs (one clock tick, 10 ms, of resolution): `own` is
 * utime + stime (fields 14, 15), `reapedChildren` is cutime + cstime (fields 16, 17): the
 * CPU of exited children the process has reaped.
 *
 * @example
 * procCpuUs(child.pid!, 'own'); procCpuUs('self', 'reapedChildren');
 */
export function procCpuUs(pid: number | 'self', which: 'own' | 'reapedChildren'): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after "pid (comm) " start at field 3 (state): field N is index N - 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const first = which === 'own' ? 11 : 13;
  return ((Number(fields[first]) + Number(fields[first + 1])) * 1e6) / CLOCK_TICKS_PER_SECOND;
}
