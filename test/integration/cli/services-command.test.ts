import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { type RunningServices, startServices } from '../../../src/services/start-services.ts';
import { fakeCliIo } from '../../support/fake-cli-io.ts';

describe('faultline services', () => {
  let blocker: RunningServices | undefined;
  afterEach(async () => {
    await blocker?.close();
    blocker = undefined;
  });

  it('prints every URL, serves until SIGINT, then exits 0', async () => {
    const io = fakeCliIo();
    const exit = main(['services', '--port-base', '0'], io);
    await io.waitForOutput('Press Ctrl+C');
    const search = /search\s+(http:\/\/\S+)/.exec(io.out())?.[1];
    expect(search).toBeDefined();
    const res = await fetch(`${search}/health`);
    expect(await res.json()).toEqual({ status: 'ok', service: 'search' });
    io.raise('SIGINT');
    expect(await exit).toBe(0);
    expect(io.out()).toContain('Received SIGINT');
    await expect(fetch(`${search}/health`)).rejects.toThrow();
  });

  it('exits 2 with a clear message when a port is in use', async () => {
    blocker = await startServices({ only: ['inference'] });
    const port = Number(new URL(blocker.urls.inference).port);
    const io = fakeCliIo();
    expect(await main(['services', '--port-base', String(port - 1)], io)).toBe(2);
    expect(io.err()).toContain(`port ${port} is already in use`);
  });

  it('exits 2 on a bad --port-base', async () => {
    const io = fakeCliIo();
    expect(await main(['services', '--port-base', 'lots'], io)).toBe(2);
    expect(io.err()).toContain('expected an integer');
  });
});
