import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { loadFaultlineConfig } from '../../src/config/load-faultline-config.ts';
import { loadScenarios } from '../../src/scenario/load-scenarios.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('shipped scenarios', () => {
  it('all load against the shipped registry, with unique names', async () => {
    const config = await loadFaultlineConfig({ cwd: root });
    const scenarios = await loadScenarios([], config, { cwd: root });
    expect(scenarios.map((s) => s.file)).toContain('scenarios/inference-outage.yaml');
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
  });

  it('all start with the yaml-language-server schema line, so editors complete them', async () => {
    const files = await glob('scenarios/*.yaml', { cwd: root });
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const firstLine = (await readFile(`${root}/${file}`, 'utf8')).split('\n')[0];
      expect(firstLine, file).toBe('# yaml-language-server: $schema=./scenario.schema.json');
    }
  });
});
