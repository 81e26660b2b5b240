import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInFaultlineConfig } from '../config/default-faultline-config.ts';
import { REFERENCE_SERVICE_NAMES } from '../config/faultline-config-schema.ts';
import { loadFaultlineConfig } from '../config/load-faultline-config.ts';
import { loadScenarioFile } from '../scenario/load-scenario-file.ts';
import type { CliIo } from './cli-io.ts';
import { main } from './main.ts';

function captureIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env: {},
    cwd,
    onSignal: () => () => {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('faultline new scenario', () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'faultline-new-'));
  });
  afterEach(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('scaffolds a commented scenario that loads and validates', async () => {
    const { io, stdout } = captureIo(cwd);
    const code = await main(['new', 'scenario', 'Search overload!', '--service', 'search'], io);
    expect(code).toBe(0);
    expect(stdout()).toContain('created scenarios/search-overload.yaml');
    const text = await readFile(path.join(cwd, 'scenarios/search-overload.yaml'), 'utf8');
    // The schema of the installed package: it exists in the user's repository.
    expect(
      text.startsWith(
        '# yaml-language-server: $schema=../node_modules/faultline/schemas/scenario.schema.json\n',
      ),
    ).toBe(true);
    const scenario = await loadScenarioFile('scenarios/search-overload.yaml', builtInFaultlineConfig(), {
      cwd,
    });
    expect(scenario.name).toBe('Search overload!');
    expect(scenario.service).toBe('search');
    expect(scenario.load.request.path).toBe('/v1/search');
  });

  it('writes a valid scenario for every reference service, into --dir', async () => {
    for (const service of REFERENCE_SERVICE_NAMES) {
      const { io } = captureIo(cwd);
      expect(
        await main(['new', 'scenario', `${service} check`, '--service', service, '--dir', 'sc/x'], io),
      ).toBe(0);
      const scenario = await loadScenarioFile(`sc/x/${service}-check.yaml`, builtInFaultlineConfig(), {
        cwd,
      });
      expect(scenario.service).toBe(service);
    }
    const text = await readFile(path.join(cwd, 'sc/x/auth-check.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../node_modules/faultline/schemas/scenario.schema.json',
    );
  });

  it('refuses to overwrite an existing file (exit 2) and leaves it untouched', async () => {
    const first = captureIo(cwd);
    expect(await main(['new', 'scenario', 'twice'], first.io)).toBe(0);
    const file = path.join(cwd, 'scenarios/twice.yaml');
    await writeFile(file, 'mine\n');
    const second = captureIo(cwd);
    expect(await main(['new', 'scenario', 'twice'], second.io)).toBe(2);
    expect(second.stderr()).toContain('Failed to create scenarios/twice.yaml: the file already exists');
    expect(await readFile(file, 'utf8')).toBe('mine\n');
  });

  it('rejects an unknown service with exit 2 and writes nothing', async () => {
    const { io, stderr } = captureIo(cwd);
    expect(await main(['new', 'scenario', 'x', '--service', 'serch'], io)).toBe(2);
    expect(stderr()).toContain('service: unknown service "serch" (did you mean "search"?');
    await expect(readFile(path.join(cwd, 'scenarios/x.yaml'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('rejects a name without letters or digits with exit 2', async () => {
    const { io, stderr } = captureIo(cwd);
    expect(await main(['new', 'scenario', '!!!'], io)).toBe(2);
    expect(stderr()).toContain('name: expected a name with at least one letter or digit, got "!!!"');
  });

  it("points $schema at the clone's own schema when the repository has one", async () => {
    await mkdir(path.join(cwd, 'scenarios'));
    await writeFile(path.join(cwd, 'scenarios/scenario.schema.json'), '{}\n');
    const { io } = captureIo(cwd);
    expect(await main(['new', 'scenario', 'own', '--service', 'search'], io)).toBe(0);
    const text = await readFile(path.join(cwd, 'scenarios/own.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
  });

  it("defaults to the user's first service and runs it in real time when it has no reference", async () => {
    await writeFile(
      path.join(cwd, 'faultline.config.yaml'),
      'consumer: checkout\nservices:\n  payments:\n    provider: payments-api\n    pact: contracts/checkout-payments-api.json\n    baseUrl: http://127.0.0.1:4010\n',
    );
    const { io, stdout } = captureIo(cwd);
    expect(await main(['new', 'scenario', 'payments slow', '--template', 'tcp-latency'], io)).toBe(0);
    expect(stdout()).toContain('created scenarios/payments-slow.yaml');
    const config = await loadFaultlineConfig({ cwd });
    const scenario = await loadScenarioFile('scenarios/payments-slow.yaml', config, { cwd });
    expect(scenario.service).toBe('payments');
    expect(scenario.mode).toBe('real');
    expect(scenario.phases.flatMap((p) => p.faults).some((f) => f.tcp)).toBe(true);
  });

  it('reads the registry given with --config', async () => {
    await writeFile(
      path.join(cwd, 'other.yaml'),
      'services:\n  ledger:\n    provider: ledger\n    pact: contracts/ledger.json\n    baseUrl: http://127.0.0.1:4011\n',
    );
    const { io } = captureIo(cwd);
    expect(await main(['new', 'scenario', 'ledger outage', '--config', 'other.yaml'], io)).toBe(0);
    const text = await readFile(path.join(cwd, 'scenarios/ledger-outage.yaml'), 'utf8');
    expect(text).toContain('service: ledger');
    expect(text).toContain('mode: real');
  });

  it('rejects an unknown --template with exit 2', async () => {
    const { io, stderr } = captureIo(cwd);
    expect(await main(['new', 'scenario', 'x', '--template', 'dns'], io)).toBe(2);
    expect(stderr()).toContain('Allowed choices are http-outage, tcp-latency');
  });
});
