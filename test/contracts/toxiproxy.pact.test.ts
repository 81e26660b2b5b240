import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import {
  type ICreateToxicBody,
  type Latency,
  Toxic,
  Toxiproxy,
  Proxy as ToxiproxyProxy,
} from 'toxiproxy-node-client';
import { describe, expect, it } from 'vitest';
import { PACT_MOCK_RETRY } from '../support/pact-mock-flake.ts';

const { boolean, like, number, regex, string } = MatchersV3;

/**
 * How Faultline uses the Toxiproxy HTTP API, driven through toxiproxy-node-client against
 * the Pact mock server. Writes contracts/faultline-toxiproxy.json, which `faultline verify`
 * checks against the embedded fault proxy (src/proxy/) with the provider states of
 * src/contracts/toxiproxy-states.ts.
 */
const pact = new PactV4({ consumer: 'faultline', provider: 'toxiproxy', dir: 'contracts', logLevel: 'warn' });

const JSON_RESPONSE = { 'Content-Type': 'application/json' };
const NAME = 'inference';
const UPSTREAM = '127.0.0.1:7001';
const PROXY_STATE = { name: NAME, upstream: UPSTREAM };
const HOST_PORT = '^[0-9a-zA-Z.\\[\\]:-]+:[0-9]+$';

const proxyBody = (enabled: boolean) => ({
  name: string(NAME),
  listen: regex(HOST_PORT, '127.0.0.1:26379'),
  upstream: string(UPSTREAM),
  enabled: boolean(enabled),
  toxics: [],
});

const LATENCY: ICreateToxicBody<Latency> = {
  name: 'latency_downstream',
  type: 'latency',
  stream: 'downstream',
  toxicity: 1,
  attributes: { latency: 500, jitter: 0 },
};

/** A client-side Proxy for the mock server, without an extra GET. */
const proxyAt = (url: string) =>
  new ToxiproxyProxy(new Toxiproxy(url), {
    name: NAME,
    listen: '127.0.0.1:26379',
    upstream: UPSTREAM,
    enabled: true,
    toxics: [],
  });

describe('toxiproxy contract', PACT_MOCK_RETRY, () => {
  it('reads the version', async () => {
    await pact
      .addInteraction()
      .given('toxiproxy is running')
      .uponReceiving('a request for the version')
      .withRequest('GET', '/version')
      .willRespondWith(200, (b) =>
        b.headers(JSON_RESPONSE).jsonBody({ version: regex('^\\d+\\.\\d+\\.\\d+', '2.12.0') }),
      )
      .executeTest(async (mockServer) => {
        const version = await new Toxiproxy(mockServer.url).getVersion();
        expect(JSON.parse(version)).toEqual({ version: '2.12.0' });
      });
  });

  it('creates a proxy', async () => {
    await pact
      .addInteraction()
      .given('toxiproxy is running')
      .uponReceiving('a request to create a proxy')
      .withRequest('POST', '/proxies', (b) =>
        b.jsonBody({ name: NAME, listen: '127.0.0.1:0', upstream: UPSTREAM, enabled: true }),
      )
      .willRespondWith(201, (b) => b.headers(JSON_RESPONSE).jsonBody(proxyBody(true)))
      .executeTest(async (mockServer) => {
        const proxy = await new Toxiproxy(mockServer.url).createProxy({
          name: NAME,
          listen: '127.0.0.1:0',
          upstream: UPSTREAM,
          enabled: true,
        });
        expect(proxy.name).toBe(NAME);
        expect(proxy.listen).toMatch(/:\d+$/);
      });
  });

  it('reads a proxy', async () => {
    await pact
      .addInteraction()
      .given('proxy {name} exists', PROXY_STATE)
      .uponReceiving('a request for an existing proxy')
      .withRequest('GET', `/proxies/${NAME}`)
      .willRespondWith(200, (b) => b.headers(JSON_RESPONSE).jsonBody(proxyBody(true)))
      .executeTest(async (mockServer) => {
        const proxy = await new Toxiproxy(mockServer.url).get(NAME);
        expect(proxy.enabled).toBe(true);
        expect(proxy.upstream).toBe(UPSTREAM);
      });
  });

  it('disables a proxy (an outage) and enables it again', async () => {
    await pact
      .addInteraction()
      .given('proxy {name} exists', PROXY_STATE)
      .uponReceiving('a request to disable a proxy')
      .withRequest('POST', `/proxies/${NAME}`, (b) => b.jsonBody({ enabled: false }))
      .willRespondWith(200, (b) => b.headers(JSON_RESPONSE).jsonBody(proxyBody(false)))
      .executeTest(async (mockServer) => {
        // Faultline sends only `enabled`; the client's type also asks for listen/upstream,
        // which would re-bind the proxy.
        const updated = await proxyAt(mockServer.url).update({ enabled: false } as never);
        expect(updated.enabled).toBe(false);
      });
    await pact
      .addInteraction()
      .given('proxy {name} is disabled', PROXY_STATE)
      .uponReceiving('a request to enable a disabled proxy')
      .withRequest('POST', `/proxies/${NAME}`, (b) => b.jsonBody({ enabled: true }))
      .willRespondWith(200, (b) => b.headers(JSON_RESPONSE).jsonBody(proxyBody(true)))
      .executeTest(async (mockServer) => {
        const updated = await proxyAt(mockServer.url).update({ enabled: true } as never);
        expect(updated.enabled).toBe(true);
      });
  });

  it('adds a toxic', async () => {
    await pact
      .addInteraction()
      .given('proxy {name} exists', PROXY_STATE)
      .uponReceiving('a request to add a latency toxic')
      .withRequest('POST', `/proxies/${NAME}/toxics`, (b) => b.jsonBody(LATENCY))
      .willRespondWith(200, (b) =>
        b.headers(JSON_RESPONSE).jsonBody({
          name: string(LATENCY.name),
          type: string('latency'),
          stream: string('downstream'),
          toxicity: number(1),
          attributes: like({ latency: 500, jitter: 0 }),
        }),
      )
      .executeTest(async (mockServer) => {
        const toxic = await proxyAt(mockServer.url).addToxic(LATENCY);
        expect(toxic.name).toBe(LATENCY.name);
        expect(toxic.attributes).toEqual({ latency: 500, jitter: 0 });
      });
  });

  it('removes a toxic', async () => {
    await pact
      .addInteraction()
      .given('proxy {name} has toxic {toxic}', { ...PROXY_STATE, toxic: LATENCY.name })
      .uponReceiving('a request to remove a toxic')
      .withRequest('DELETE', `/proxies/${NAME}/toxics/${LATENCY.name}`)
      .willRespondWith(204)
      .executeTest(async (mockServer) => {
        const proxy = proxyAt(mockServer.url);
        await expect(new Toxic(proxy.api, proxy.getPath(), LATENCY).remove()).resolves.toBeUndefined();
      });
  });

  it('resets every proxy', async () => {
    await pact
      .addInteraction()
      .given('proxy {name} exists', PROXY_STATE)
      .uponReceiving('a request to reset')
      .withRequest('POST', '/reset')
      .willRespondWith(204)
      .executeTest(async (mockServer) => {
        await expect(new Toxiproxy(mockServer.url).reset()).resolves.toBeUndefined();
      });
  });

  it('deletes a proxy', async () => {
    await pact
      .addInteraction()
      .given('proxy {name} exists', PROXY_STATE)
      .uponReceiving('a request to delete a proxy')
      .withRequest('DELETE', `/proxies/${NAME}`)
      .willRespondWith(204)
      .executeTest(async (mockServer) => {
        await expect(proxyAt(mockServer.url).remove()).resolves.toBeUndefined();
      });
  });
});
