/**
 * The child side of a bench child process (see bench-child.ts): reads control lines on
 * stdin and calls `onClose` when stdin ends. `cpu` answers with one JSON line, the
 * process's CPU time so far in microseconds (`{"user": n, "system": n}`); any other line
 * goes to `onCommand`, whose result is answered as one JSON line (BenchChild.ask).
 *
 * Why CPU time: on a shared 2-core machine wall-clock figures move with the neighbours,
 * while the CPU a process spends per request or per MB stays put, and it shows which
 * process a target is really waiting on.
 */
import { createInterface } from 'node:readline';

export function serveBenchControl(onClose: () => void, onCommand?: (line: string) => Promise<unknown>): void {
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() === 'cpu') process.stdout.write(`${JSON.stringify(process.cpuUsage())}\n`);
    else if (onCommand !== undefined) {
      void onCommand(line).then((answer) => process.stdout.write(`${JSON.stringify(answer)}\n`));
    }
  });
  lines.on('close', onClose);
}
