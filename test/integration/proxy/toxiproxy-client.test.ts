import { createHash } from 'node:crypto';
import { type ICreateToxicBody, Toxiproxy } from 'toxiproxy-node-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startEcho, startHttp, startProxy, Teardown } from './proxy-fixtures.ts';

const teardown = new Teardown();
afterEach(() => teardown.run());

async function sha256Through(listen: string, path: string): Promise<string> {
  const res = await fetch(`http://${listen}${path}`);
  return createHash('sha256')
    .update(Buffer.from(await res.arrayBuffer()))
    .digest('hex');
}

describe('fault proxy driven by toxiproxy-node-client', () => {
  it('creates, gets, updates and removes proxies and toxics', async () => {
    const server = await startProxy(teardown);
    const echo = await startEcho(teardown);
    const client = new Toxiproxy(server.url);
    expect(await client.getVersion()).toContain('2.12.0');

    const proxy = await client.createProxy({ name: 'echo', listen: '127.0.0.1:0', upstream: echo.address });
    expect(proxy.enabled).toBe(true);
    expect(proxy.listen).toMatch(/^127\.0\.0\.1:\d+$/);

    // The client's types require a name; leave it out to get the server's default.
    const body = {
      type: 'latency',
      stream: 'upstream',
      toxicity: 1,
      attributes: { latency: 10, jitter: 2 },
    } as ICreateToxicBody<{ latency: number; jitter: number }>;
    const toxic = await proxy.addToxic(body);
    expect(toxic.name).toBe('latency_upstream');
    const updated = await toxic.update({
      ...toxic.toJson(),
      toxicity: 0.5,
      attributes: { latency: 20, jitter: 2 },
    });
    expect(updated.toxicity).toBe(0.5);
    expect(updated.attributes).toEqual({ latency: 20, jitter: 2 });
    const fetched = await proxy.getToxic<{ latency: number }>('latency_upstream');
    expect(fetched.attributes.latency).toBe(20);

    const disabled = await proxy.update({ enabled: false, listen: proxy.listen, upstream: proxy.upstream });
    expect(disabled.enabled).toBe(false);
    await expect(proxy.getToxic('latency_upstream')).resolves.toMatchObject({ toxicity: 0.5 });

    await toxic.remove();
    await expect(proxy.getToxic('latency_upstream')).rejects.toThrow(/404/);
    await proxy.remove();
    expect(Object.keys(await client.getAll())).toEqual([]);
  });

  it('populates and resets', async () => {
    const server = await startProxy(teardown);
    const echo = await startEcho(teardown);
    const client = new Toxiproxy(server.url);
    const proxies = await client.populate([
      { name: 'a', listen: '127.0.0.1:0', upstream: echo.address },
      { name: 'b', listen: '127.0.0.1:0', upstream: echo.address },
    ]);
    expect(Object.keys(proxies).sort()).toEqual(['a', 'b']);
    await proxies.a!.addToxic({
      name: 'timeout_downstream',
      type: 'timeout',
      stream: 'downstream',
      toxicity: 1,
      attributes: { timeout: 0 },
    });
    await proxies.b!.update({ enabled: false, listen: proxies.b!.listen, upstream: echo.address });
    await client.reset();
    const all = await client.getAll();
    await expect(all.a!.getToxic('timeout_downstream')).rejects.toThrow(/404/);
    expect(all.b!.enabled).toBe(true);
  });

  it('rejects on a missing proxy (the client reports the status)', async () => {
    const server = await startProxy(teardown);
    const client = new Toxiproxy(server.url);
    await expect(client.get('missing')).rejects.toThrow(/status code 404/);
  });

  it('delivers a large HTTP body intact through bandwidth and slicer toxics', async () => {
    const server = await startProxy(teardown);
    const http = await startHttp(teardown, 4 * 1024 * 1024);
    const client = new Toxiproxy(server.url);
    const proxy = await client.createProxy({ name: 'http', listen: '127.0.0.1:0', upstream: http.address });
    expect(await sha256Through(proxy.listen, '/big')).toBe(http.sha256);
    await proxy.addToxic({
      name: 'bw',
      type: 'bandwidth',
      stream: 'downstream',
      toxicity: 1,
      attributes: { rate: 40_000 },
    });
    await proxy.addToxic({
      name: 'slices',
      type: 'slicer',
      stream: 'downstream',
      toxicity: 1,
      attributes: { average_size: 32_768, size_variation: 4096, delay: 0 },
    });
    expect(await sha256Through(proxy.listen, '/big')).toBe(http.sha256);
  });
});
