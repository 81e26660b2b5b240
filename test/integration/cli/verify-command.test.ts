import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { freePort } from '../../../src/scenario/faults/tcp/free-port.ts';
import { closeAfterEach } from '../../support/close-after-each.ts';
import { fakeCliIo } from '../../support/fake-cli-io.ts';
import { startPaymentsProvider } from '../contracts/payments/payments-provider.ts';
import { type PaymentsPacts, writePaymentsPacts } from '../contracts/payments/write-payments-pacts.ts';

const root = resolve(import.meta.dirname, '../../..');
const CONFIG = 'test/fixtures/pacts/faultline.config.yaml';

describe('faultline verify', () => {
  it('exits 0 when every interaction verifies', async () => {
    const io = fakeCliIo({ cwd: root });
    const code = await main(
      ['verify', '--config', CONFIG, '--pact', 'test/fixtures/pacts/faultline-search-service.json'],
      io,
    );
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(io.out()).toContain('PASS  a search while search is overloaded (given search is overloaded)');
    expect(io.out()).toContain('Contracts verified: 3 passed, 0 failed');
  });

  it('exits 1 when a pact names a provider that is not registered', async () => {
    const io = fakeCliIo({ cwd: root });
    const code = await main(
      ['verify', '--config', CONFIG, '--pact', 'test/fixtures/pacts/unregistered', '--json'],
      io,
    );
    expect(code).toBe(1);
    const record = JSON.parse(io.out()) as { type: string; problems: string[] };
    expect(record.type).toBe('contracts');
    expect(record.problems[0]).toContain('"weather-service" is not in the service registry');
  });

  it('exits 2 when no pacts are found or the flags are bad', async () => {
    const missing = fakeCliIo({ cwd: root });
    expect(await main(['verify', '--config', CONFIG, '--pact', 'no/such/dir'], missing)).toBe(2);
    expect(missing.err()).toContain('no/such/dir does not exist');

    const publish = fakeCliIo({ cwd: root });
    expect(await main(['verify', '--config', CONFIG, '--publish'], publish)).toBe(2);
    expect(publish.err()).toContain('need a Pact Broker');

    const selectors = fakeCliIo({ cwd: root });
    expect(await main(['verify', '--consumer-version-selectors', '{nope'], selectors)).toBe(2);
  });
});

describe('faultline verify against a provider of your own', () => {
  const closeLater = closeAfterEach();
  let dir: string;
  let pacts: PaymentsPacts;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-verify-cli-'));
    pacts = await writePaymentsPacts(dir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  /** `faultline verify` of `pactFiles` against `provider` (its base and state URLs). */
  const verifyArgs = (provider: { url: string; stateUrl: string }, ...pactFiles: string[]) => [
    'verify',
    '--config',
    CONFIG,
    ...pactFiles.flatMap((file) => ['--pact', file]),
    '--base-url',
    provider.url,
    '--state-url',
    provider.stateUrl,
  ];

  it('uses --state-url and --header (a value with colons), and exits 0', async () => {
    const provider = closeLater(await startPaymentsProvider({ token: 'a:b:c' }));
    const io = fakeCliIo({ cwd: root });
    const code = await main(
      [...verifyArgs(provider, pacts.v3, pacts.v4), '--header', 'Authorization: Bearer a:b:c'],
      io,
    );
    expect(io.err()).toBe('');
    expect(io.out()).toContain('Contracts verified: 3 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('reads baseUrl and stateUrl from the registry file', async () => {
    const provider = closeLater(await startPaymentsProvider());
    const config = join(dir, 'registry.yaml');
    await writeFile(
      config,
      `consumer: checkout\nservices:\n  payments:\n    provider: payments\n    pact: ${pacts.v2}\n    baseUrl: ${provider.url}\n    stateUrl: ${provider.stateUrl}\n`,
    );
    const io = fakeCliIo({ cwd: dir });
    const code = await main(['verify', '--config', config, '--pact', pacts.v2], io);
    expect(io.out()).toContain('PASS  a payment by id (v2) (given payment pay-1 exists)');
    expect(code).toBe(0);
  });

  it('loads a pact-js style --request-filter module', async () => {
    const provider = closeLater(await startPaymentsProvider({ token: 's3cret' }));
    const io = fakeCliIo({ cwd: root });
    const code = await main(
      [
        ...verifyArgs(provider, pacts.v4),
        '--request-filter',
        'test/integration/contracts/payments/add-token-filter.ts',
      ],
      io,
    );
    expect(io.out()).toContain('2 passed, 0 failed');
    expect(code).toBe(0);
  });

  it("prints one line per mismatch, never splitting a header value on '; '", async () => {
    const provider = closeLater(await startPaymentsProvider({ contentType: 'text/plain; charset=utf-8' }));
    const io = fakeCliIo({ cwd: root });
    const code = await main([...verifyArgs(provider, pacts.v4), '--header', 'Authorization: x'], io);
    expect(code).toBe(1);
    const headerLines = io
      .out()
      .split('\n')
      .filter((line) => /header Content-Type/i.test(line));
    expect(headerLines.length).toBeGreaterThan(0);
    for (const line of headerLines) {
      expect(line).toContain('application/json; charset=utf-8');
      expect(line).toContain('text/plain; charset=utf-8');
    }
  });

  it('labels a failing state setup and teardown in the output', async () => {
    const provider = closeLater(await startPaymentsProvider());
    const io = fakeCliIo({ cwd: root });
    const code = await main(verifyArgs(provider, pacts.states), io);
    expect(code).toBe(1);
    expect(io.out()).toContain('setup of provider state "the ledger is read-only" failed:');
    expect(io.out()).toContain('teardown of provider state "a receipt printer is attached" failed:');
  });

  it('fails fast with one line when the provider is not reachable: exit 1, no stack trace', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const io = fakeCliIo({ cwd: root });
    const code = await main(['verify', '--config', CONFIG, '--pact', pacts.v4, '--base-url', url], io);
    expect(code).toBe(1);
    expect(io.out()).toContain(`provider payments at ${url} is not reachable (ECONNREFUSED)`);
    expect(`${io.out()}${io.err()}`).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for --state-url with pacts of several providers, and for a request filter that is not a function', async () => {
    const several = fakeCliIo({ cwd: root });
    const args = [
      'verify',
      '--config',
      CONFIG,
      '--pact',
      'test/fixtures/pacts/faultline-search-service.json',
    ];
    expect(
      await main([...args, '--pact', pacts.v2, '--state-url', 'http://127.0.0.1:9/states'], several),
    ).toBe(2);
    expect(several.err()).toContain('--state-url points at one provider, but the pacts are for');

    const filter = fakeCliIo({ cwd: root });
    expect(
      await main(
        [...args, '--request-filter', 'test/integration/contracts/payments/payments-provider.ts'],
        filter,
      ),
    ).toBe(2);
    expect(filter.err()).toContain(
      'expected a default export (or an export "requestFilter") that is a function',
    );
  });

  it('refuses a message pact: exit 2, "not supported yet"', async () => {
    const io = fakeCliIo({ cwd: root });
    expect(
      await main(
        ['verify', '--config', CONFIG, '--pact', pacts.messages, '--base-url', 'http://127.0.0.1:9'],
        io,
      ),
    ).toBe(2);
    expect(io.err()).toContain('message pacts are not supported yet');
  });

  it('rejects a bad --header, --timeout or --log-level with exit 2, saying what was expected', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--header', 'Bearer secret-token'], /--header: expected "Name: value"/],
      [['--timeout', '-5'], /expected a whole number of milliseconds > 0/],
      [['--log-level', 'loud'], /Allowed choices are trace, debug, info, warn, error/],
    ];
    for (const [args, message] of cases) {
      const io = fakeCliIo({ cwd: root });
      expect(await main(['verify', '--config', CONFIG, ...args], io)).toBe(2);
      expect(io.err()).toMatch(message);
      expect(io.err()).not.toContain('secret-token');
    }
  });

  it('--timeout bounds each provider response: a provider that never answers fails the interaction', async () => {
    const provider = closeLater(await startPaymentsProvider({ hang: true }));
    const io = fakeCliIo({ cwd: root });
    const code = await main([...verifyArgs(provider, pacts.v2), '--timeout', '200', '--json'], io);
    expect(code).toBe(1);
    const record = JSON.parse(io.out()) as { results: Array<{ verdict: string; message?: string }> };
    expect(record.results).toEqual([
      expect.objectContaining({
        verdict: 'fail',
        message: expect.stringMatching(
          /error sending request for url .*: no answer within 200 ms \(--timeout\)/,
        ),
      }),
    ]);
  });

  it("--verbose shows the verifier's report on stderr, in colour only on a terminal without NO_COLOR", async () => {
    const provider = closeLater(await startPaymentsProvider());
    const run = async (env: Record<string, string>, isTTY: boolean) => {
      const io = fakeCliIo({ cwd: root, env });
      Object.assign(io.stderr, { isTTY });
      const args = verifyArgs(provider, pacts.v2);
      await main([...args, '--verbose', '--log-level', 'debug'], io);
      return io.err();
    };
    const tty = await run({}, true);
    expect(tty).toContain('Verifying a pact between');
    expect(tty).toContain('\u001b[');
    expect(tty).toMatch(/DEBUG/);
    for (const plain of [await run({ NO_COLOR: '1' }, true), await run({}, false)]) {
      expect(plain).toContain('Verifying a pact between');
      expect(plain).not.toContain('\u001b');
    }
  });

  it('--json prints only JSON on stdout from the real binary, the verifier report going to stderr with --verbose', async () => {
    const provider = closeLater(await startPaymentsProvider({ token: 's3cret' }));
    const args = ['bin/faultline.js', ...verifyArgs(provider, pacts.v3)];
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [...args, '--header', 'Authorization: Bearer s3cret', '--json', '--verbose'],
      { cwd: root, env: { ...process.env, FORCE_COLOR: '' } },
    );
    const record = JSON.parse(stdout) as { type: string; results: Array<{ verdict: string }> };
    expect(record.type).toBe('contracts');
    expect(record.results.map((r) => r.verdict)).toEqual(['pass']);
    expect(stderr).toContain('Verifying a pact between');
    expect(stderr).not.toContain('\u001b');
  });
});
