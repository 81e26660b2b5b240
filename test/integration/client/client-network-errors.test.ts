import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { getCallOutcome } from '../../../src/client/client-response.ts';
import { createClient } from '../../../src/client/create-client.ts';
import { NetworkError } from '../../../src/errors/network-error.ts';
import { closeAfterEach } from '../../support/close-after-each.ts';
import { errorOf, startTcpServer } from './loopback-server.ts';

const closeLater = closeAfterEach();

describe('client network errors', () => {
  it('reports a connection reset mid-body as FAULTLINE_NETWORK with the socket code, and retries it', async () => {
    const server = closeLater(
      await startTcpServer((socket) => {
        socket.once('data', () => {
          socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 100\r\n\r\npartial');
          setImmediate(() => socket.resetAndDestroy());
        });
      }),
    );
    const client = closeLater(
      createClient({
        service: 'reset',
        baseUrl: server.url,
        timeoutMs: 2_000,
        retry: { maxAttempts: 3, baseDelayMs: 1, budget: false },
        breaker: false,
      }),
    );
    const err = await errorOf(client.request({ path: '/' }));
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.code).toBe('FAULTLINE_NETWORK');
    expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain((err as unknown as NetworkError).socketCode);
    expect(getCallOutcome(err)?.attempts).toBe(3);
    expect(server.hits).toBe(3);
  });

  it('reports a refused connection as ECONNREFUSED', async () => {
    // Reserve a port, then free it so nothing listens there.
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as { port: number };
    probe.close();
    await once(probe, 'close');
    const client = closeLater(
      createClient({
        service: 'refused',
        baseUrl: `http://127.0.0.1:${port}`,
        retry: false,
        timeoutMs: 1_000,
      }),
    );
    const err = await errorOf(client.request({ path: '/' }));
    expect(err.code).toBe('FAULTLINE_NETWORK');
    expect((err as unknown as NetworkError).socketCode).toBe('ECONNREFUSED');
    expect(err.message).toContain('ECONNREFUSED');
  });

  it('reports an unparseable response as FAULTLINE_INVALID_RESPONSE', async () => {
    const server = closeLater(
      await startTcpServer((socket) => {
        socket.once('data', () => socket.end('this is not HTTP\r\n\r\n'));
      }),
    );
    const client = closeLater(
      createClient({ service: 'garbage', baseUrl: server.url, retry: false, timeoutMs: 1_000 }),
    );
    const err = await errorOf(client.request({ path: '/' }));
    expect(err.code).toBe('FAULTLINE_INVALID_RESPONSE');
  });
});
