import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { groupEndpoints } from './endpoint.ts';
import { faultCatalog } from './fault-catalog.ts';
import { matchesInteraction, readPactInteractions } from './pact-interaction.ts';

const pact = (name: string) =>
  fileURLToPath(new URL(`../../examples/checkout/contracts/checkout-${name}.json`, import.meta.url));

describe('faultCatalog', () => {
  it('derives every fault of the payments endpoint from its pact: documented statuses with their headers, generic 5xx, body mutations', async () => {
    const [endpoint] = groupEndpoints(await readPactInteractions(pact('payments')));
    const faults = faultCatalog(endpoint!, { latencyMs: 600, slowBodyMs: 600 });
    expect(faults.map((f) => f.id)).toEqual([
      'refused',
      'reset-mid-body',
      'latency',
      'slow-body',
      'status-402',
      'status-429',
      'status-500',
      'status-503',
      'wrong-type:id',
      'wrong-type:status',
      'wrong-type:amount',
      'missing-field:id',
      'missing-field:status',
      'missing-field:amount',
      'truncated-json',
    ]);
    const byId = new Map(faults.map((f) => [f.id, f.spec]));
    expect(byId.get('status-429')).toEqual({ status: 429, retryAfter: 1, body: { error: 'rate_limited' } });
    expect(byId.get('wrong-type:id')).toEqual({
      status: 201,
      body: { id: 12345, status: 'captured', amount: 4200 },
    });
    expect(byId.get('missing-field:amount')).toEqual({
      status: 201,
      body: { id: 'ch-1', status: 'captured' },
    });
    expect(byId.get('latency')).toEqual({ delayMs: 600 });
  });

  it('groups interactions by method and path pattern, and matches paths by the pact regex', async () => {
    const endpoints = groupEndpoints(await readPactInteractions(pact('auth')));
    expect(endpoints.map((e) => [e.key, e.interactions.length, e.success?.status])).toEqual([
      ['GET ^/tokens/[^/]+$', 2, 200],
    ]);
    const ok = endpoints[0]!.success!;
    expect(matchesInteraction(ok, 'get', '/tokens/another')).toBe(true);
    expect(matchesInteraction(ok, 'GET', '/tokens/a/b')).toBe(false);
    expect(matchesInteraction(ok, 'POST', '/tokens/a')).toBe(false);
  });

  it('names the file and the field of a pact it cannot read', async () => {
    await expect(readPactInteractions(pact('nope'))).rejects.toThrow(
      /Failed to read the pact .*checkout-nope\.json/,
    );
  });
});
