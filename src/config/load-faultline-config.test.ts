import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigInvalidError } from './config-invalid-error.ts';
import { builtInFaultlineConfig } from './default-faultline-config.ts';
import { loadFaultlineConfig, parseFaultlineConfig } from './load-faultline-config.ts';
import { formatInputIssue } from './yaml/input-issue.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('loadFaultlineConfig', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'faultline-config-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the shipped faultline.config.yaml, which is the built-in registry', async () => {
    const config = await loadFaultlineConfig({ cwd: repoRoot });
    expect(config).toEqual(builtInFaultlineConfig());
    expect(Object.keys(config.services)).toEqual([
      'inference',
      'auth',
      'notify',
      'analytics',
      'search',
      'toxiproxy',
    ]);
  });

  it('uses the built-in registry (a fresh copy each time) when there is no registry file', async () => {
    const config = await loadFaultlineConfig({ cwd: dir });
    expect(config).toEqual(builtInFaultlineConfig());
    expect(config.services.auth?.client?.timeoutMs).toBe(500);
    config.services.auth!.client!.timeoutMs = 1;
    expect((await loadFaultlineConfig({ cwd: dir })).services.auth?.client?.timeoutMs).toBe(500);
  });

  it('fails on an explicit file that does not exist', async () => {
    await expect(loadFaultlineConfig({ cwd: dir, file: 'nope.yaml' })).rejects.toThrow(
      /nope\.yaml:1:1 cannot read the registry file \(ENOENT\)/,
    );
  });

  it('reports every issue of an invalid registry with its position', async () => {
    await writeFile(
      path.join(dir, 'faultline.config.yaml'),
      [
        'consumer: faultline',
        'services:',
        '  inference:',
        '    provider: inference-service',
        '    pact: contracts/x.json',
        '    reference: inferense',
        '    client: { timeoutMs: -1, retry: { maxAtempts: 2 } }',
        '',
      ].join('\n'),
    );
    const error = await loadFaultlineConfig({ cwd: dir }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ConfigInvalidError);
    expect((error as ConfigInvalidError).code).toBe('FAULTLINE_CONFIG_INVALID');
    expect((error as ConfigInvalidError).issues.map(formatInputIssue)).toEqual([
      'faultline.config.yaml:6:16 services.inference.reference: expected one of "inference", "auth", "notify", "analytics", "search", got "inferense" (did you mean "inference"?)',
      'faultline.config.yaml:7:26 services.inference.client.timeoutMs: expected a number of milliseconds > 0, got -1',
      'faultline.config.yaml:7:39 services.inference.client.retry.maxAtempts: unknown key "maxAtempts" (did you mean "maxAttempts"?)',
    ]);
  });

  it('takes only http(s) URLs for a service baseUrl and an alternate fallback', () => {
    const text = [
      'services:',
      '  payments:',
      '    provider: payments',
      '    pact: p.json',
      '    baseUrl: "ftp://127.0.0.1/x"',
      '    client: { fallback: { kind: alternate, baseUrl: "file:///etc/passwd" } }',
      '  ok:',
      '    provider: ok',
      '    pact: p.json',
      '    baseUrl: "https://user:pw@127.0.0.1:8443/v1"',
      '',
    ].join('\n');
    const error = (() => {
      try {
        parseFaultlineConfig(text, 'f.yaml');
      } catch (err) {
        return err;
      }
    })();
    expect((error as ConfigInvalidError).issues.map(formatInputIssue)).toEqual([
      'f.yaml:5:14 services.payments.baseUrl: expected an absolute http(s) URL, e.g. "http://127.0.0.1:7001", got "ftp://127.0.0.1/x"',
      'f.yaml:6:53 services.payments.client.fallback.baseUrl: expected an absolute http(s) URL, e.g. "http://127.0.0.1:7001", got "file:///etc/passwd"',
    ]);
  });

  it('accepts the client features in a service client config and rejects bad ones', () => {
    const yaml = (client: string) =>
      `services:\n  search:\n    provider: search-service\n    pact: contracts/x.json\n    reference: search\n    client: ${client}\n`;
    const config = parseFaultlineConfig(
      yaml('{ bulkhead: { maxConcurrent: 8 }, rateLimit: { ratePerSec: 50 }, hedging: { delayMs: 100 } }'),
      'ok.yaml',
    );
    expect(config.services.search?.client).toEqual({
      bulkhead: { maxConcurrent: 8 },
      rateLimit: { ratePerSec: 50 },
      hedging: { delayMs: 100 },
    });
    let error: unknown;
    try {
      parseFaultlineConfig(
        yaml('{ bulkhead: { maxConcurent: 8 }, outlierDetection: { maxEjectionPercent: 150 } }'),
        'bad.yaml',
      );
    } catch (err) {
      error = err;
    }
    expect((error as ConfigInvalidError).issues.map(formatInputIssue)).toEqual([
      'bad.yaml:6:27 services.search.client.bulkhead.maxConcurent: unknown key "maxConcurent" (did you mean "maxConcurrent"?)',
      'bad.yaml:6:86 services.search.client.outlierDetection.maxEjectionPercent: expected a percentage 0..100, got 150',
    ]);
  });

  it('applies the consumer default', () => {
    const config = parseFaultlineConfig('services: {}\n', 'x.yaml');
    expect(config).toEqual({ consumer: 'faultline', services: {} });
  });
});
