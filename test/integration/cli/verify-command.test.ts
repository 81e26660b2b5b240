import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { fakeCliIo } from '../../support/fake-cli-io.ts';

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
