import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateJsonSchemas } from './json-schemas.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('committed JSON Schemas', () => {
  it('are up to date with the zod schemas (run `npm run schema` when this fails)', async () => {
    for (const [file, content] of Object.entries(generateJsonSchemas())) {
      const committed = await readFile(`${root}/${file}`, 'utf8').catch(() => '(missing)');
      expect(committed, `${file} is stale: run npm run schema`).toBe(content);
    }
  });

  it('accept the shipped scenarios and registry, and reject an unknown key', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const schemas = generateJsonSchemas();
    const scenario = ajv.compile(JSON.parse(schemas['scenarios/scenario.schema.json']!));
    const registry = ajv.compile(JSON.parse(schemas['scenarios/faultline-config.schema.json']!));

    const files = await glob('scenarios/*.yaml', { cwd: root });
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const value: unknown = parse(await readFile(`${root}/${file}`, 'utf8'));
      expect(scenario(value), `${file}: ${ajv.errorsText(scenario.errors)}`).toBe(true);
    }
    const config: unknown = parse(await readFile(`${root}/faultline.config.yaml`, 'utf8'));
    expect(registry(config), ajv.errorsText(registry.errors)).toBe(true);

    const typo = {
      name: 'x',
      service: 'inference',
      load: { request: { path: '/' } },
      phases: [],
      retries: 3,
    };
    expect(scenario(typo)).toBe(false);
  });
});
