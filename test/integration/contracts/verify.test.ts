import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultlineConfig } from '../../../src/config/faultline-config-schema.ts';
import { loadFaultlineConfig } from '../../../src/config/load-faultline-config.ts';
import { verifyPacts } from '../../../src/contracts/verify-pacts.ts';
import { createSearchHandler } from '../../../src/services/search/search-handler.ts';
import { type ServedHandler, serveHandler } from '../../../src/services/serve-handler.ts';
import type { ServiceHandler, ServiceResponse } from '../../../src/services/service-handler.ts';

const root = resolve(import.meta.dirname, '../../..');
const SEARCH_PACT = 'test/fixtures/pacts/faultline-search-service.json';
const INFERENCE_PACT = 'test/fixtures/pacts/faultline-inference-service.json';

const config: FaultlineConfig = {
  consumer: 'faultline',
  services: {
    inference: { provider: 'inference-service', pact: INFERENCE_PACT, reference: 'inference' },
    search: { provider: 'search-service', pact: SEARCH_PACT, reference: 'search' },
  },
};

/** The search handler with its 200 answers to /v1/search rewritten by `change`. */
function brokenSearch(
  change: (body: Record<string, unknown>, res: ServiceResponse) => ServiceResponse,
): ServiceHandler {
  const inner = createSearchHandler({ states: true });
  return async (request) => {
    const res = await inner(request);
    if (request.path !== '/v1/search' || res.status !== 200) return res;
    return change(JSON.parse(String(res.body)) as Record<string, unknown>, res);
  };
}

describe('verifyPacts', () => {
  let served: ServedHandler | undefined;
  afterEach(async () => {
    await served?.close();
    served = undefined;
  });

  it('verifies the fixture pacts against the reference services, with provider states', async () => {
    const result = await verifyPacts({ config, cwd: root, pacts: [SEARCH_PACT, INFERENCE_PACT] });
    expect(result.problems).toEqual([]);
    expect(result.results).toHaveLength(6);
    expect(result.results.every((r) => r.verdict === 'pass')).toBe(true);
    expect(result.ok).toBe(true);
    expect(result.results).toContainEqual({
      provider: 'search-service',
      consumer: 'faultline',
      interaction: 'a search while search is overloaded (given search is overloaded)',
      verdict: 'pass',
    });
  });

  it('verifies every committed pact in contracts/ (toxiproxy against the embedded proxy)', async () => {
    const result = await verifyPacts({ config: await loadFaultlineConfig({ cwd: root }), cwd: root });
    expect(result.problems).toEqual([]);
    expect(result.results.filter((r) => r.verdict === 'fail')).toEqual([]);
    const providers = new Set(result.results.map((r) => r.provider));
    expect([...providers].sort()).toEqual([
      'analytics-service',
      'auth-service',
      'inference-service',
      'notify-service',
      'search-service',
      'toxiproxy',
    ]);
  });

  it('fails naming the interaction and the field when a field changes type', async () => {
    served = await serveHandler(
      brokenSearch((body, res) => {
        const hits = body.hits as Array<Record<string, unknown>>;
        return {
          ...res,
          body: JSON.stringify({ ...body, hits: hits.map((h) => ({ ...h, score: String(h.score) })) }),
        };
      }),
    );
    const result = await verifyPacts({ config, cwd: root, pacts: [SEARCH_PACT], baseUrl: served.url });
    expect(result.ok).toBe(false);
    const failed = result.results.filter((r) => r.verdict === 'fail');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.interaction).toBe(
      'a search for a query with matching documents (given documents matching {query} exist)',
    );
    expect(failed[0]?.message).toMatch(/body \$\.hits\[0\]\.score: .*to be a number/);
  });

  it('fails naming the field when a field is dropped', async () => {
    served = await serveHandler(
      brokenSearch((body, res) => {
        const { total: _dropped, ...rest } = body;
        return { ...res, body: JSON.stringify(rest) };
      }),
    );
    const result = await verifyPacts({ config, cwd: root, pacts: [SEARCH_PACT], baseUrl: served.url });
    const failed = result.results.filter((r) => r.verdict === 'fail');
    expect(failed.map((r) => r.interaction)).toEqual([
      'a search for a query with matching documents (given documents matching {query} exist)',
    ]);
    expect(failed[0]?.message).toContain('body $: Actual map is missing the following keys: total');
  });

  it('fails naming the interaction when the status differs', async () => {
    const inner = createSearchHandler({ states: true });
    served = await serveHandler(async (request) => {
      const res = await inner(request);
      return res.status === 503 ? { ...res, status: 500 } : res;
    });
    const result = await verifyPacts({ config, cwd: root, pacts: [SEARCH_PACT], baseUrl: served.url });
    const failed = result.results.filter((r) => r.verdict === 'fail');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.interaction).toBe('a search while search is overloaded (given search is overloaded)');
    expect(failed[0]?.message).toContain('status: expected 503, got 500');
  });

  it('reports a pact whose provider is not registered, and a registered service without a pact', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'faultline-verify-'));
    try {
      const result = await verifyPacts({
        config: {
          consumer: 'faultline',
          services: {
            search: { provider: 'search-service', pact: join(root, SEARCH_PACT), reference: 'search' },
            auth: {
              provider: 'auth-service',
              pact: 'contracts/faultline-auth-service.json',
              reference: 'auth',
            },
          },
        },
        cwd,
        pacts: undefined,
      });
      // Only the registry's search pact exists in this empty directory.
      expect(result.results.every((r) => r.provider === 'search-service' && r.verdict === 'pass')).toBe(true);
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([
        expect.stringContaining('services.auth: no pact for provider "auth-service"'),
      ]);

      const unregistered = await verifyPacts({
        config,
        cwd: root,
        pacts: ['test/fixtures/pacts/unregistered'],
      });
      expect(unregistered.ok).toBe(false);
      expect(unregistered.problems).toEqual([
        expect.stringContaining('provider "weather-service" is not in the service registry'),
      ]);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });

  it('throws when there are no pacts, or --base-url meets several providers', async () => {
    await expect(
      verifyPacts({ config, cwd: root, pacts: ['test/fixtures/pacts/none-here'] }),
    ).rejects.toMatchObject({
      code: 'FAULTLINE_CONTRACTS_NOT_FOUND',
    });
    await expect(
      verifyPacts({ config, cwd: root, pacts: [SEARCH_PACT], provider: 'auth-service' }),
    ).rejects.toMatchObject({ code: 'FAULTLINE_CONTRACTS_NOT_FOUND' });
    await expect(
      verifyPacts({ config, cwd: root, pacts: [SEARCH_PACT, INFERENCE_PACT], baseUrl: 'http://127.0.0.1:9' }),
    ).rejects.toMatchObject({ code: 'FAULTLINE_CONTRACTS_INVALID' });
  });
});
