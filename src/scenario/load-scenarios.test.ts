import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInFaultlineConfig } from '../config/default-faultline-config.ts';
import { formatInputIssue } from '../config/yaml/input-issue.ts';
import { loadScenarios } from './load-scenarios.ts';
import { ScenarioInvalidError } from './scenario-invalid-error.ts';
import { ScenarioNotFoundError } from './scenario-not-found-error.ts';

const config = builtInFaultlineConfig();

function scenarioText(name: string): string {
  return `name: ${name}\nservice: search\nload: { request: { path: /v1/search } }\nphases: [{ name: a, durationMs: 10 }]\n`;
}

describe('loadScenarios', () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'faultline-scenarios-'));
    await mkdir(path.join(cwd, 'scenarios'));
    await mkdir(path.join(cwd, 'more'));
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      await writeFile(path.join(cwd, 'scenarios', `${name}.yaml`), scenarioText(`scenario ${name}`));
    }
    await writeFile(path.join(cwd, 'scenarios', 'notes.txt'), 'not a scenario');
    await writeFile(path.join(cwd, 'more', 'x.yaml'), scenarioText('extra x'));
  });
  afterEach(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('loads scenarios/*.yaml sorted by path when no path is given', async () => {
    const scenarios = await loadScenarios([], config, { cwd });
    expect(scenarios.map((s) => s.file)).toEqual([
      'scenarios/a.yaml',
      'scenarios/b.yaml',
      'scenarios/c.yaml',
      'scenarios/d.yaml',
      'scenarios/e.yaml',
    ]);
  });

  it('accepts files, directories and globs, without duplicates', async () => {
    const scenarios = await loadScenarios(['more', 'scenarios/a.yaml', 'scenarios/[ab].yaml'], config, {
      cwd,
    });
    expect(scenarios.map((s) => s.file)).toEqual(['more/x.yaml', 'scenarios/a.yaml', 'scenarios/b.yaml']);
  });

  it('filters by name with grep (substring, case-insensitive, or a RegExp)', async () => {
    expect((await loadScenarios([], config, { cwd, grep: 'SCENARIO B' })).map((s) => s.name)).toEqual([
      'scenario b',
    ]);
    expect((await loadScenarios([], config, { cwd, grep: /[de]$/ })).map((s) => s.name)).toEqual([
      'scenario d',
      'scenario e',
    ]);
  });

  it('splits files into disjoint, complete, deterministic shards', async () => {
    const shards = [];
    for (const index of [1, 2, 3]) {
      shards.push((await loadScenarios([], config, { cwd, shard: { index, total: 3 } })).map((s) => s.name));
    }
    expect(shards).toEqual([['scenario a', 'scenario d'], ['scenario b', 'scenario e'], ['scenario c']]);
    await expect(loadScenarios([], config, { cwd, shard: { index: 4, total: 3 } })).rejects.toThrow(
      /shard: expected index\/total with 1 <= index <= total/,
    );
  });

  it('reports the issues of every file and duplicate names across files together', async () => {
    await writeFile(path.join(cwd, 'scenarios', 'f.yaml'), scenarioText('scenario a'));
    await writeFile(path.join(cwd, 'scenarios', 'g.yaml'), 'name: g\nservice: nope\n');
    const error = await loadScenarios([], config, { cwd }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ScenarioInvalidError);
    expect((error as ScenarioInvalidError).issues.map(formatInputIssue)).toEqual([
      'scenarios/g.yaml:1:1 load: missing; expected a load object { concurrency, ratePerSec, maxCalls, request }',
      'scenarios/g.yaml:1:1 phases: missing; expected a list of phases',
      'scenarios/g.yaml:2:10 service: unknown service "nope" (services in the registry: inference, auth, notify, analytics, search, toxiproxy)',
      'scenarios/f.yaml:1:7 name: duplicate scenario name "scenario a" (scenarios/a.yaml has it too); names must be unique across files',
    ]);
  });

  it('fails with a typed error when a path or glob matches nothing', async () => {
    await expect(loadScenarios(['nothing/*.yaml'], config, { cwd })).rejects.toBeInstanceOf(
      ScenarioNotFoundError,
    );
    await expect(loadScenarios(['missing.yaml'], config, { cwd })).rejects.toThrow(
      /"missing\.yaml" matched no \.yaml file/,
    );
  });
});
