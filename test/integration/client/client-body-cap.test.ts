import { afterEach, describe, expect, it } from 'vitest';
import type { ResilientClient } from '../../../src/client/client-types.ts';
import { createClient } from '../../../src/client/create-client.ts';
import { BodyTooLargeError } from '../../../src/errors/body-too-large-error.ts';
import { errorOf, type LoopbackServer, startHttpServer } from './loopback-server.ts';

let server: LoopbackServer | undefined;
let client: ResilientClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

describe('client body cap', () => {
  it('rejects a body announced larger than maxResponseBytes before reading it', async () => {
    server = await startHttpServer((_req, res) =>
      res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000)),
    );
    client = createClient({ service: 'big', baseUrl: server.url, maxResponseBytes: 1024, retry: false });
    const err = await errorOf(client.request({ path: '/' }));
    expect(err).toBeInstanceOf(BodyTooLargeError);
    expect(err.code).toBe('FAULTLINE_BODY_TOO_LARGE');
    expect(err.receivedBytes).toBe(5000);
    expect(err.message).toContain('maxResponseBytes=1024');
  });

  it('aborts a chunked body at the byte that crosses the cap and closes the socket', async () => {
    let stop = false;
    server = await startHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      // Streams up to 1 MiB in 4 KiB chunks unless the client goes away first.
      let sent = 0;
      const pump = () => {
        while (!stop && sent < 1024 * 1024 && res.write(Buffer.alloc(4096))) sent += 4096;
        if (!stop && sent < 1024 * 1024) res.once('drain', pump);
        else res.end();
      };
      res.on('close', () => {
        stop = true;
      });
      pump();
    });
    client = createClient({ service: 'stream', baseUrl: server.url, maxResponseBytes: 10_000, retry: false });
    const err = await errorOf(client.request({ path: '/' }));
    expect(err.code).toBe('FAULTLINE_BODY_TOO_LARGE');
    expect(err.receivedBytes).toBeGreaterThan(10_000);
    // The aborted connection is destroyed (undici may open a fresh idle one; that is fine).
    await server.socketsClosed(1);
    expect(server.closed).toBeGreaterThanOrEqual(1);
  });

  it('accepts a body of exactly maxResponseBytes', async () => {
    server = await startHttpServer((_req, res) => res.writeHead(200).end('y'.repeat(1024)));
    client = createClient({ service: 'exact', baseUrl: server.url, maxResponseBytes: 1024 });
    const res = await client.request({ path: '/' });
    expect(res.body.length).toBe(1024);
  });
});
