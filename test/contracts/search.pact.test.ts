import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { createSearchAdapter } from '../../src/services/search/search-adapter.ts';
import { SearchUnavailableError } from '../../src/services/search/search-unavailable-error.ts';
import { PACT_MOCK_RETRY } from '../support/pact-mock-flake.ts';

const { eachLike, integer, number, regex, string } = MatchersV3;

/**
 * How Faultline's search adapter uses the search service, driven through the real adapter and
 * client (retries off). Writes contracts/faultline-search-service.json.
 */
const pact = new PactV4({
  consumer: 'faultline',
  provider: 'search-service',
  dir: 'contracts',
  logLevel: 'warn',
});

const JSON_RESPONSE = { 'Content-Type': 'application/json; charset=utf-8' };

const adapterFor = (url: string) =>
  createSearchAdapter({ client: { service: 'search', baseUrl: url, retry: false, breaker: false } });

describe('search-service contract', PACT_MOCK_RETRY, () => {
  it('searches documents matching a query', async () => {
    await pact
      .addInteraction()
      .given('documents matching {query} exist', { query: 'circuit breaker' })
      .uponReceiving('a search with matching documents')
      .withRequest('GET', '/v1/search', (b) => b.query({ q: 'circuit breaker', limit: '5' }))
      .willRespondWith(200, (b) =>
        b.headers(JSON_RESPONSE).jsonBody({
          query: string('circuit breaker'),
          total: integer(1),
          hits: eachLike({ id: string('doc-1'), title: string('Circuit breaker'), score: number(0.87) }),
        }),
      )
      .executeTest(async (mockServer) => {
        const search = adapterFor(mockServer.url);
        const result = await search.search('circuit breaker', 5);
        await search.close();
        expect(result).toEqual({
          hits: [{ id: 'doc-1', title: 'Circuit breaker', score: 0.87 }],
          total: 1,
          stale: false,
        });
      });
  });

  it('throws FAULTLINE_SEARCH_UNAVAILABLE while search is overloaded (503) and nothing is cached', async () => {
    await pact
      .addInteraction()
      .given('search is overloaded', { retryAfterSeconds: 1 })
      .uponReceiving('a search while search is overloaded')
      .withRequest('GET', '/v1/search', (b) => b.query({ q: 'circuit breaker', limit: '5' }))
      .willRespondWith(503, (b) =>
        b
          .headers({ ...JSON_RESPONSE, 'Retry-After': regex('^[0-9]+$', '1') })
          .jsonBody({ error: { code: string('overloaded'), message: string('search is overloaded') } }),
      )
      .executeTest(async (mockServer) => {
        const search = adapterFor(mockServer.url);
        const error = await search.search('circuit breaker', 5).catch((e: unknown) => e);
        await search.close();
        expect(error).toBeInstanceOf(SearchUnavailableError);
        expect((error as SearchUnavailableError).code).toBe('FAULTLINE_SEARCH_UNAVAILABLE');
      });
  });
});
