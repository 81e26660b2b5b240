import { once } from 'node:events';
import { type AddressInfo, createServer } from 'node:net';
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
