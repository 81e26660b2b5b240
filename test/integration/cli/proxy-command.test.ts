import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { fakeCliIo } from '../../support/fake-cli-io.ts';

describe('faultline proxy', () => {
  it('serves the Toxiproxy API until SIGINT, then exits 0', async () => {
    const io = fakeCliIo();
    const exit = main(['proxy', '--port', '0', '--seed', '7'], io);
    await io.waitForOutput('listening on ');
    const url = /listening on (\S+)/.exec(io.out())![1]!;
    const res = await fetch(`${url}/version`);
    expect(await res.json()).toEqual({ version: '2.12.0' });
    io.raise('SIGINT');
    expect(await exit).toBe(0);
    await expect(fetch(`${url}/version`)).rejects.toThrow();
  });

  it("accepts toxiproxy-server's flags as written: -host, -port, -config, -seed, -proxy-metrics, -runtime-metrics", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'faultline-proxy-'));
    try {
      await writeFile(
        join(dir, 'proxies.json'),
        JSON.stringify([{ name: 'db', listen: '127.0.0.1:0', upstream: '127.0.0.1:1' }]),
      );
      const io = fakeCliIo({ cwd: dir });
      const exit = main(
        [
          'proxy',
          '-host',
          '127.0.0.1',
          '-port=0',
          '-config',
          'proxies.json',
          '-seed',
          '-42',
          '-proxy-metrics',
          '-runtime-metrics',
        ],
        io,
      );
      await io.waitForOutput('listening on ');
      const url = /listening on (\S+)/.exec(io.out())![1]!;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const proxies = (await (await fetch(`${url}/proxies`)).json()) as Record<string, unknown>;
      expect(Object.keys(proxies)).toEqual(['db']);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toContain('process_cpu_seconds_total');
      expect(metrics).toContain('process_resident_memory_bytes');
      io.raise('SIGINT');
      expect(await exit).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with a clear message when the port is in use', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const port = (blocker.address() as AddressInfo).port;
    try {
      const io = fakeCliIo();
      expect(await main(['proxy', '--port', String(port)], io)).toBe(2);
      expect(io.err()).toContain('address already in use');
      expect(io.err()).toContain('--port');
    } finally {
      blocker.close();
    }
  });

  it('exits 2 on a config file that does not exist', async () => {
    const io = fakeCliIo();
    expect(await main(['proxy', '--port', '0', '--config', '/nonexistent/proxies.json'], io)).toBe(2);
    expect(io.err()).toContain('/nonexistent/proxies.json');
  });
});

describe('faultline proxy --config', () => {
  it('creates the proxies of a config file (path relative to the cwd)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'faultline-proxy-'));
    try {
      await writeFile(
        join(dir, 'proxies.json'),
        JSON.stringify([{ name: 'db', listen: '127.0.0.1:0', upstream: '127.0.0.1:1' }]),
      );
      const io = fakeCliIo({ cwd: dir });
      const exit = main(['proxy', '--port', '0', '--config', 'proxies.json'], io);
      await io.waitForOutput('listening on ');
      const url = /listening on (\S+)/.exec(io.out())![1]!;
      const proxies = (await (await fetch(`${url}/proxies`)).json()) as Record<string, { upstream: string }>;
      expect(proxies.db?.upstream).toBe('127.0.0.1:1');
      io.raise('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 naming the entry of an invalid config', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'faultline-proxy-'));
    try {
      await writeFile(join(dir, 'bad.json'), JSON.stringify([{ name: 'db' }]));
      const io = fakeCliIo({ cwd: dir });
      expect(await main(['proxy', '--port', '0', '--config', 'bad.json'], io)).toBe(2);
      expect(io.err()).toContain('missing required field: upstream at proxy 1');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
