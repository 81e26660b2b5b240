import type { ProviderTarget } from './provider-target.ts';

/**
 * Provider states of the `toxiproxy` contract (test/contracts/toxiproxy.pact.test.ts),
 * put in place through the Toxiproxy HTTP API of the proxy under verification: what a
 * real Toxiproxy needs, so the same states would work against one.
 *
 * - `toxiproxy is running`: nothing to do beyond the teardown reset.
 * - `proxy {name} exists`: creates the proxy (listen 127.0.0.1:0, upstream params.upstream).
 * - `proxy {name} has toxic {toxic}`: creates the proxy and a latency toxic of that name.
 * - `proxy {name} is disabled`: creates the proxy, disabled.
 *
 * Teardown deletes every proxy, so interactions do not see each other's proxies.
 */
export const TOXIPROXY_STATES = [
  'toxiproxy is running',
  'proxy {name} exists',
  'proxy {name} has toxic {toxic}',
  'proxy {name} is disabled',
] as const;

export function toxiproxyTarget(url: string): ProviderTarget {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok && res.status !== 409) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return text;
  };
  const createProxy = (params: Record<string, unknown>, name: string, enabled = true) =>
    call('POST', '/proxies', {
      name,
      listen: '127.0.0.1:0',
      upstream: typeof params.upstream === 'string' ? params.upstream : '127.0.0.1:6379',
      enabled,
    });

  return {
    url,
    async applyState(state, params, action) {
      if (action === 'teardown') {
        const proxies = JSON.parse(await call('GET', '/proxies')) as Record<string, unknown>;
        for (const name of Object.keys(proxies)) await call('DELETE', `/proxies/${encodeURIComponent(name)}`);
        return undefined;
      }
      if (state === 'toxiproxy is running') return undefined;
      const withToxic = /^proxy (.+) has toxic (.+)$/.exec(state);
      const disabled = /^proxy (.+) is disabled$/.exec(state);
      const exists = /^proxy (.+) exists$/.exec(state);
      const name = stringParam(params.name) ?? withToxic?.[1] ?? disabled?.[1] ?? exists?.[1];
      if (name === undefined || !(withToxic || disabled || exists)) {
        throw new Error(
          `Unknown provider state "${state}". Known states: ${TOXIPROXY_STATES.map((s) => `"${s}"`).join(', ')}.`,
        );
      }
      await createProxy(params, name, !disabled);
      if (withToxic) {
        await call('POST', `/proxies/${encodeURIComponent(name)}/toxics`, {
          name: stringParam(params.toxic) ?? withToxic[2],
          type: 'latency',
          stream: 'downstream',
          toxicity: 1,
          attributes: { latency: 100, jitter: 0 },
        });
      }
      return undefined;
    },
  };
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && !/^\{.*\}$/.test(value) ? value : undefined;
}
