import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { displayPath } from '../config/display-path.ts';
import type { FaultlineConfig } from '../config/faultline-config-schema.ts';
import type { InputIssue } from '../config/yaml/input-issue.ts';
import { locate, parseYamlSource } from '../config/yaml/yaml-source.ts';
import { InvalidOptionsError } from '../errors/invalid-options-error.ts';
import { checkScenarioFile, type LoadedScenario } from './load-scenario-file.ts';
import { nameFilter } from './name-filter.ts';
import { ScenarioInvalidError } from './scenario-invalid-error.ts';
import { ScenarioNotFoundError } from './scenario-not-found-error.ts';

export interface LoadScenariosOptions {
  /** Paths and globs resolve against this directory. @default process.cwd() */
  cwd?: string;
  /**
   * Keep only scenarios whose name matches: a string is a case-insensitive substring, with
   * `|` between alternatives (name-filter.ts; never a regular expression, so it cannot hang).
   */
  grep?: string | RegExp;
  /**
   * Run only shard `index` of `total` (1-based, like `--shard 2/3`). Files are sorted by
   * path and dealt round-robin, so every machine computes the same split.
   */
  shard?: { index: number; total: number };
}

/** The default scenario set when no path is given. */
export const DEFAULT_SCENARIO_GLOB = 'scenarios/*.yaml';

/**
 * Loads and validates scenario files. With no paths, `scenarios/*.yaml`. Every file is
 * validated before anything runs; all issues of all files are thrown together in one
 * ScenarioInvalidError, including scenario names used by two files.
 *
 * @example
 * const scenarios = await loadScenarios(['scenarios/*.yaml'], config, { shard: { index: 1, total: 2 } });
 */
export async function loadScenarios(
  pathsOrGlobs: readonly string[],
  config: FaultlineConfig,
  options: LoadScenariosOptions = {},
): Promise<LoadedScenario[]> {
  const cwd = options.cwd ?? process.cwd();
  const shard = options.shard;
  if (
    shard &&
    !(
      Number.isInteger(shard.total) &&
      shard.total >= 1 &&
      Number.isInteger(shard.index) &&
      shard.index >= 1 &&
      shard.index <= shard.total
    )
  ) {
    throw new InvalidOptionsError(
      'shard',
      'index/total with 1 <= index <= total, e.g. 1/3',
      `${shard.index}/${shard.total}`,
    );
  }
  const files = await resolveFiles(pathsOrGlobs.length > 0 ? pathsOrGlobs : [DEFAULT_SCENARIO_GLOB], cwd);
  const selected = shard ? files.filter((_, i) => i % shard.total === shard.index - 1) : files;

  const issues: InputIssue[] = [];
  const scenarios: LoadedScenario[] = [];
  for (const file of selected) {
    const result = await checkScenarioFile(file, config, { cwd });
    if (result.ok) scenarios.push(result.scenario);
    else issues.push(...result.issues);
  }
  issues.push(...(await duplicateNameIssues(scenarios, cwd)));
  if (issues.length > 0) throw new ScenarioInvalidError(issues);

  const grep = options.grep;
  if (grep === undefined) return scenarios;
  const matches = typeof grep === 'string' ? nameFilter(grep) : (name: string) => grep.test(name);
  return scenarios.filter((scenario) => matches(scenario.name));
}

/**
 * Sorted, de-duplicated absolute paths. A plain path may be a file or a directory (its
 * *.yaml files); anything else is a glob. A pattern that matches nothing is an error.
 */
async function resolveFiles(patterns: readonly string[], cwd: string): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    let matched: string[];
    if (isDynamicPattern(pattern)) {
      matched = await glob(pattern, { cwd, absolute: true, onlyFiles: true });
      matched = matched.filter((file) => /\.ya?ml$/i.test(file));
    } else {
      const absolute = path.resolve(cwd, pattern);
      const stats = await stat(absolute).catch(() => undefined);
      if (stats?.isDirectory())
        matched = await glob('*.{yaml,yml}', { cwd: absolute, absolute: true, onlyFiles: true });
      else matched = stats ? [absolute] : [];
    }
    if (matched.length === 0) throw new ScenarioNotFoundError(pattern, cwd);
    for (const file of matched) files.add(path.resolve(file));
  }
  return [...files].sort();
}

/** A scenario name used by more than one file, reported at each later file's `name`. */
async function duplicateNameIssues(scenarios: readonly LoadedScenario[], cwd: string): Promise<InputIssue[]> {
  const firstByName = new Map<string, LoadedScenario>();
  const issues: InputIssue[] = [];
  for (const scenario of scenarios) {
    const first = firstByName.get(scenario.name);
    if (!first) {
      firstByName.set(scenario.name, scenario);
      continue;
    }
    const source = parseYamlSource(await readFile(path.resolve(cwd, scenario.file), 'utf8'), scenario.file);
    const { line, column } = locate(source, ['name']);
    issues.push({
      file: displayPath(scenario.file, cwd),
      line,
      column,
      path: 'name',
      message: `duplicate scenario name "${scenario.name}" (${first.file} has it too); names must be unique across files`,
    });
  }
  return issues;
}
