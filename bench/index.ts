import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import type { Benchmark, BenchResult } from './bench-types.ts';

/** Runs the benchmarks named in argv (all when none), prints them, returns the exit code. */
export async function runBenchmarks(argv: string[]): Promise<number> {
  const here = dirname(fileURLToPath(import.meta.url));
  const files = (await glob('*.bench.ts', { cwd: here })).sort();
  const wanted = argv.filter((a) => !a.startsWith('-'));
  const selected = files.filter((f) => wanted.length === 0 || wanted.includes(basename(f, '.bench.ts')));
  if (selected.length === 0) {
    process.stderr.write(`No benchmark matches ${wanted.join(', ')}; have: ${files.join(', ')}\n`);
    return 2;
  }
  const all: Record<string, BenchResult> = {};
  let missed = 0;
  for (const file of selected) {
    const bench = (await import(join(here, file))).default as Benchmark;
    process.stdout.write(`\n== ${bench.name}\n`);
    const result = await bench.run();
    all[bench.name] = result;
    printTable(result.rows);
    for (const target of result.targets) {
      if (!target.ok) missed++;
      process.stdout.write(`  ${target.ok ? 'PASS' : 'MISS'}  ${target.name}: ${target.detail}\n`);
    }
    for (const note of result.notes ?? []) process.stdout.write(`  note: ${note}\n`);
  }
  await writeFile(join(here, '..', 'bench-results.json'), `${JSON.stringify(all, null, 2)}\n`);
  process.stdout.write(`\n${missed === 0 ? 'All targets met.' : `${missed} target(s) missed.`}\n`);
  return missed === 0 ? 0 : 1;
}

function printTable(rows: BenchResult['rows']): void {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cells = rows.map((r) => columns.map((c) => format(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) => `  ${values.map((v, i) => v.padEnd(widths[i]!)).join('  ')}\n`;
  process.stdout.write(line(columns));
  for (const row of cells) process.stdout.write(line(row));
}

function format(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(3);
  return String(value);
}
