import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageEntries, ROOT } from '../support/package-entries.ts';
import { installPackedFaultline, type PackedPackage, packFaultline } from '../support/packed-package.ts';

/**
 * docs/getting-started.md, step by step, as a new team would run it: the packed tarball
 * installed into a fresh project (`checkout`) with its own provider (`payments`, not one of
 * the reference services), then init, a consumer pact, verify (pass, then fail on a broken
 * field), scenarios run with the project's own client, the report, and every entry point
 * imported from plain Node (ESM and CommonJS), vitest and TypeScript (nodenext, bundler).
 * The files it writes are the guide's (test/fixtures/getting-started/, checked against the
 * guide by test/package/getting-started-guide.test.ts).
 */
const run = promisify(execFile);
const FIXTURES = path.join(ROOT, 'test/fixtures/getting-started');
const STEP_MS = 180_000;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

describe('getting started, from the packed tarball', () => {
  let dir: string;
  let project: string;
  let packed: PackedPackage;
  const servers: Server[] = [];
  /** `x-caller` header of each request the provider received. */
  const callers: Array<string | undefined> = [];

  /** Runs a command in the project as the guide writes it; never throws on a non-zero exit. */
  async function sh(command: string, args: string[], env: Record<string, string> = {}): Promise<Result> {
    try {
      const { stdout, stderr } = await run(command, args, {
        cwd: project,
        env: { ...process.env, CI: 'true', TOXIPROXY_URL: '', ...env },
        maxBuffer: 32 << 20,
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      return {
        code: typeof e.code === 'number' ? e.code : -1,
        stdout: e.stdout ?? '',
        stderr: e.stderr ?? '',
      };
    }
  }

  async function startProvider(broken: boolean): Promise<string> {
    const { createProvider } = (await import(pathToFileURL(path.join(project, 'provider.mjs')).href)) as {
      createProvider(o: { broken: boolean }): Server;
    };
    const server = createProvider({ broken });
    server.on('request', (req) => callers.push(req.headers['x-caller'] as string | undefined));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'faultline-getting-started-'));
    project = path.join(dir, 'checkout');
    await mkdir(project);
    packed = await packFaultline(dir);
  }, STEP_MS);

  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('packs only what users need', () => {
    const top = new Set(packed.paths.map((p) => p.split('/')[0]));
    expect([...top].sort()).toEqual([
      'LICENSE',
      'README.md',
      'bin',
      'dist',
      'docs',
      // the built-in service registry (src/config/default-faultline-config.ts reads it)
      'faultline.config.yaml',
      'package.json',
      'schemas',
    ]);
    expect(packed.paths.filter((p) => /\.test\.|^src\/|^test\/|^bench\//.test(p))).toEqual([]);
    expect(packed.paths).toContain('schemas/scenario.schema.json');
    expect(packed.paths).toContain('dist/index.d.ts');
  });

  it(
    '1. installs into a project',
    async () => {
      await writeFile(
        path.join(project, 'package.json'),
        '{ "name": "checkout", "private": true, "type": "module" }\n',
      );
      await installPackedFaultline(project, packed.tarball);
      const version = await sh('npx', ['faultline', '--version']);
      expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    },
    STEP_MS,
  );

  it(
    '2. init registers the service, starter scenarios, contracts/ and the CI workflow',
    async () => {
      await copyFile(path.join(FIXTURES, 'provider.mjs'), path.join(project, 'provider.mjs'));
      const baseUrl = await startProvider(false);
      const init = await sh('npx', ['faultline', 'init', '--service', 'payments', '--base-url', baseUrl]);
      expect(init.stderr).toBe('');
      expect(init.code).toBe(0);
      const config = await readFile(path.join(project, 'faultline.config.yaml'), 'utf8');
      expect(config).toContain(`baseUrl: ${baseUrl}`);
      expect(config).not.toContain('reference:');
      const workflow = await readFile(path.join(project, '.github/workflows/faultline.yml'), 'utf8');
      expect(workflow).toContain('npx faultline run');
      // Every $schema resolves in this project.
      for (const file of ['faultline.config.yaml', 'scenarios/payments-outage.yaml']) {
        const ref = /\$schema=(\S+)/.exec(await readFile(path.join(project, file), 'utf8'))![1]!;
        const schema = path.resolve(path.dirname(path.join(project, file)), ref);
        expect(JSON.parse(await readFile(schema, 'utf8'))).toHaveProperty('$schema');
      }
      const again = await sh('npx', ['faultline', 'init', '--service', 'payments']);
      expect(again.code).toBe(2);
    },
    STEP_MS,
  );

  it(
    '3. a consumer pact test (PactV4) writes contracts/checkout-payments.json',
    async () => {
      await mkdir(path.join(project, 'test'));
      await copyFile(
        path.join(FIXTURES, 'payments.pact.test.ts'),
        path.join(project, 'test/payments.pact.test.ts'),
      );
      const pact = await sh('npx', ['vitest', 'run', 'test/payments.pact.test.ts']);
      expect(pact.code, pact.stdout + pact.stderr).toBe(0);
      const written = JSON.parse(
        await readFile(path.join(project, 'contracts/checkout-payments.json'), 'utf8'),
      );
      expect(written.metadata.pactSpecification.version).toBe('4.0');
    },
    STEP_MS,
  );

  it(
    '4. verify passes against the provider, and fails naming a broken field',
    async () => {
      const ok = await sh('npx', ['faultline', 'verify']);
      expect(ok.code, ok.stdout + ok.stderr).toBe(0);
      expect(ok.stdout).toContain('PASS  a charge for an order');

      const broken = await startProvider(true);
      const fail = await sh('npx', ['faultline', 'verify', '--base-url', broken]);
      expect(fail.code).toBe(1);
      expect(fail.stdout).toContain('FAIL  a charge for an order');
      expect(fail.stdout).toMatch(/missing the following keys: status/);
    },
    STEP_MS,
  );

  it(
    "5. the scenarios run with checkout's own client (--client) and every hypothesis holds",
    async () => {
      for (const file of ['scenarios/payments-outage.yaml', 'scenarios/payments-latency.yaml']) {
        const text = await readFile(path.join(project, file), 'utf8');
        expect(text).toContain('mode: real');
        await writeFile(
          path.join(project, file),
          text.replace(
            'request: { method: GET, path: / }',
            'request: { method: GET, path: /v1/charges/ch_1 }',
          ),
        );
      }
      await copyFile(path.join(FIXTURES, 'payments-client.ts'), path.join(project, 'payments-client.ts'));
      const before = callers.length;
      const result = await sh('npx', ['faultline', 'run', '--client', './payments-client.ts']);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain('2/2 scenarios passed');
      expect(result.stdout).toContain('contracts: 1/1 verified');
      // Wire evidence that the project's client sent the load.
      expect(callers.slice(before).filter((c) => c === 'checkout').length).toBeGreaterThan(10);
    },
    STEP_MS,
  );

  it('6. the report is in reports/latest', async () => {
    const report = JSON.parse(await readFile(path.join(project, 'reports/latest/report.json'), 'utf8'));
    expect(report.scenarios.map((s: { name: string }) => s.name).sort()).toEqual([
      'payments latency',
      'payments outage',
    ]);
    expect(await readFile(path.join(project, 'reports/latest/summary.md'), 'utf8')).toContain(
      'payments outage',
    );
  });

  it(
    '7. every entry point imports from plain Node ESM and CommonJS',
    async () => {
      const specifiers = packageEntries().map((e) => e.specifier);
      await writeFile(
        path.join(project, 'entries.mjs'),
        `for (const s of ${JSON.stringify(specifiers)}) { const m = await import(s); if (Object.keys(m).length === 0) throw new Error(s); }\nconsole.log('esm ok');\n`,
      );
      await writeFile(
        path.join(project, 'entries.cjs'),
        `Promise.all(${JSON.stringify(specifiers)}.map((s) => import(s))).then((ms) => console.log('cjs', ms.every((m) => Object.keys(m).length > 0)));\n`,
      );
      expect((await sh('node', ['entries.mjs'])).stdout).toBe('esm ok\n');
      expect((await sh('node', ['entries.cjs'])).stdout).toBe('cjs true\n');
    },
    STEP_MS,
  );

  it(
    "8. every entry point imports in a vitest test, and faultline/vitest runs the guide's example",
    async () => {
      await copyFile(
        path.join(ROOT, 'test/examples/payments-faults.test.ts'),
        path.join(project, 'test/payments-faults.test.ts'),
      );
      const specifiers = packageEntries().map((e) => e.specifier);
      await writeFile(
        path.join(project, 'test/entries.test.ts'),
        `import { expect, it } from 'vitest';\nit.each(${JSON.stringify(specifiers)})('imports %s', async (s) => {\n  expect(Object.keys(await import(s)).length).toBeGreaterThan(0);\n});\n`,
      );
      const result = await sh('npx', [
        'vitest',
        'run',
        'test/payments-faults.test.ts',
        'test/entries.test.ts',
      ]);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`${3 + specifiers.length} passed`));
    },
    STEP_MS,
  );

  it(
    '9. the types resolve with moduleResolution nodenext and bundler',
    async () => {
      const imports = packageEntries()
        .map(
          (e, i) => `import * as entry${i} from '${e.specifier}';\nexport const e${i}: object = entry${i};`,
        )
        .join('\n');
      await writeFile(
        path.join(project, 'types-check.ts'),
        `${imports}\nimport { createClient, type ClientOptions } from 'faultline';\nimport type { LoadTarget } from 'faultline/scenario';\nconst options: ClientOptions = { service: 'payments', baseUrl: 'http://127.0.0.1:1' };\nexport const target: LoadTarget = createClient(options);\n`,
      );
      const common = {
        strict: true,
        target: 'ES2022',
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
      };
      for (const [name, options] of [
        ['nodenext', { module: 'NodeNext', moduleResolution: 'NodeNext' }],
        ['bundler', { module: 'ESNext', moduleResolution: 'Bundler' }],
      ] as const) {
        await writeFile(
          path.join(project, `tsconfig.${name}.json`),
          JSON.stringify({ compilerOptions: { ...common, ...options }, files: ['types-check.ts'] }),
        );
        const tsc = await sh('node', [
          path.join(ROOT, 'node_modules/typescript/bin/tsc'),
          '-p',
          `tsconfig.${name}.json`,
        ]);
        expect(tsc.stdout + tsc.stderr, name).toBe('');
        expect(tsc.code).toBe(0);
      }
    },
    STEP_MS,
  );
});
