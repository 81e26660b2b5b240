import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeCliIo } from '../../test/support/fake-cli-io.ts';
import { loadFaultlineConfig } from '../config/load-faultline-config.ts';
import { loadScenarioFile } from '../scenario/load-scenario-file.ts';
import { main } from './main.ts';

const PACT = {
  consumer: { name: 'checkout' },
  provider: { name: 'payments-api' },
  interactions: [
    {
      type: 'Synchronous/HTTP',
      description: 'a charge',
      request: {
        method: 'POST',
        path: '/v1/charges',
        body: { content: { amount: 42 }, contentType: 'application/json', encoded: false },
      },
      response: { status: 201 },
    },
  ],
  metadata: { pactSpecification: { version: '4.0' } },
};

const FILES = [
  'faultline.config.yaml',
  'scenarios/payments-outage.yaml',
  'scenarios/payments-latency.yaml',
  'contracts/.gitkeep',
  '.github/workflows/faultline.yml',
];

/** The file a `# yaml-language-server: $schema=REF` first line points at, resolved from `file`. */
async function schemaTarget(cwd: string, file: string): Promise<string> {
  const first = (await readFile(path.join(cwd, file), 'utf8')).split('\n')[0]!;
  const ref = /\$schema=(\S+)$/.exec(first)?.[1];
  if (!ref) throw new Error(`${file} has no $schema line: ${first}`);
  return path.relative(cwd, path.resolve(path.dirname(path.join(cwd, file)), ref));
}

describe('faultline init', () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'faultline-init-'));
  });
  afterEach(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('writes the registry with only that service, starter scenarios, contracts/ and a workflow', async () => {
    await writeFile(path.join(cwd, 'checkout.pact.json'), JSON.stringify(PACT));
    const cli = fakeCliIo({ cwd });
    const code = await main(
      [
        'init',
        '--service',
        'payments',
        '--base-url',
        'http://127.0.0.1:4010',
        '--pact',
        'checkout.pact.json',
      ],
      cli,
    );
    expect(cli.err()).toBe('');
    expect(code).toBe(0);
    for (const file of FILES) expect(cli.out()).toContain(`created ${file}`);

    const config = await loadFaultlineConfig({ cwd });
    expect(config.consumer).toBe('checkout');
    expect(Object.keys(config.services)).toEqual(['payments']);
    expect(config.services.payments).toMatchObject({
      provider: 'payments-api',
      pact: 'checkout.pact.json',
      baseUrl: 'http://127.0.0.1:4010',
    });
    expect(config.services.payments!.reference).toBeUndefined();
    for (const file of ['scenarios/payments-outage.yaml', 'scenarios/payments-latency.yaml']) {
      const scenario = await loadScenarioFile(file, config, { cwd });
      expect(scenario.service).toBe('payments');
      expect(scenario.mode).toBe('real');
      expect(scenario.load.request).toMatchObject({
        method: 'POST',
        path: '/v1/charges',
        json: { amount: 42 },
      });
    }
    const workflow = await readFile(path.join(cwd, '.github/workflows/faultline.yml'), 'utf8');
    expect(workflow).toContain('run: npx faultline run');
    expect(workflow).toContain('path: reports/');
  });

  it("points every $schema at the installed package's schemas", async () => {
    const cli = fakeCliIo({ cwd });
    expect(await main(['init', '--service', 'payments'], cli)).toBe(0);
    expect(await schemaTarget(cwd, 'faultline.config.yaml')).toBe(
      'node_modules/faultline/schemas/faultline-config.schema.json',
    );
    expect(await schemaTarget(cwd, 'scenarios/payments-outage.yaml')).toBe(
      'node_modules/faultline/schemas/scenario.schema.json',
    );
  });

  it('names its consumer after package.json without a pact', async () => {
    await writeFile(path.join(cwd, 'package.json'), '{ "name": "@acme/checkout" }');
    expect(await main(['init', '--service', 'payments'], fakeCliIo({ cwd }))).toBe(0);
    const config = await loadFaultlineConfig({ cwd });
    expect(config.consumer).toBe('checkout');
    expect(config.services.payments!.pact).toBe('contracts/checkout-payments.json');
  });

  it('never overwrites: exit 2 naming the files, nothing written; --force replaces them', async () => {
    await writeFile(path.join(cwd, 'faultline.config.yaml'), 'mine\n');
    const cli = fakeCliIo({ cwd });
    expect(await main(['init', '--service', 'payments'], cli)).toBe(2);
    expect(cli.err()).toContain('faultline.config.yaml already exists. Nothing was written; pass --force');
    expect(await readFile(path.join(cwd, 'faultline.config.yaml'), 'utf8')).toBe('mine\n');
    await expect(readFile(path.join(cwd, FILES[1]!), 'utf8')).rejects.toThrow(/ENOENT/);

    expect(await main(['init', '--service', 'payments', '--force'], fakeCliIo({ cwd }))).toBe(0);
    expect(await readFile(path.join(cwd, 'faultline.config.yaml'), 'utf8')).toContain('payments:');
  });

  it('rejects a bad --base-url with exit 2 and writes nothing', async () => {
    const cli = fakeCliIo({ cwd });
    expect(await main(['init', '--base-url', 'localhost:4010'], cli)).toBe(2);
    expect(cli.err()).toContain('--base-url: expected an http(s) URL');
    await expect(readFile(path.join(cwd, 'faultline.config.yaml'), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
