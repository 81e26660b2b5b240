import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { packageEntries, ROOT } from '../support/package-entries.ts';

/**
 * The public surface of each entry point, one `kind name` per line, sorted. The committed
 * api/<entry>.api.txt files are the reviewed surface: a change to what an entry exports
 * fails here until the report is updated on purpose (`npx vitest run test/package -u`).
 */
const entries = packageEntries();
const program = ts.createProgram(
  entries.map((e) => path.join(ROOT, e.source)),
  {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
  },
);
const checker = program.getTypeChecker();

function kindOf(symbol: ts.Symbol): string {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const f = target.flags;
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Variable) return 'const';
  if (f & ts.SymbolFlags.Interface) return 'interface';
  if (f & ts.SymbolFlags.TypeAlias) return 'type';
  if (f & ts.SymbolFlags.Enum) return 'enum';
  return 'other';
}

function apiReport(source: string): string {
  const file = program.getSourceFile(path.join(ROOT, source));
  if (!file) throw new Error(`Failed to read ${source}: not in the program`);
  const module = checker.getSymbolAtLocation(file);
  if (!module) throw new Error(`Failed to read ${source}: not a module`);
  const lines = checker
    .getExportsOfModule(module)
    .map((s) => `${kindOf(s)} ${s.getName()}`)
    .sort((a, b) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!));
  return `${lines.join('\n')}\n`;
}

describe('API report', () => {
  for (const entry of entries) {
    it(`${entry.specifier} exports exactly what ${entry.report} lists`, async () => {
      await expect(apiReport(entry.source)).toMatchFileSnapshot(path.join(ROOT, entry.report));
    });
  }

  it('no internal (UndoStack, EventLogWriter, resolve*, _internals) is public', () => {
    const names = entries.flatMap((e) => apiReport(e.source).trim().split('\n')).map((l) => l.split(' ')[1]!);
    expect(
      names.filter((n) =>
        /^(UndoStack|EventLogWriter|InProcessDispatcher|resolve(?!ServiceClientOptions))/.test(n),
      ),
    ).toEqual([]);
  });
});
