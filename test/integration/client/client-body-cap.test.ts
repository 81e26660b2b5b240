import { describe, expect, it } from 'vitest';
import { createClient } from '../../../src/client/create-client.ts';
import { BodyTooLargeError } from '../../../src/errors/body-too-large-error.ts';
import { closeAfterEach } from '../../support/close-after-each.ts';
import { errorOf, startHttpServer } from './loopback-server.ts';

const closeLater = closeAfterEach();

describe('client body cap', () => {
  it('rejects a body announced larger than maxResponseBytes before reading it', async () => {
    const server = closeLater(
      await startHttpServer((_req, res) =>
        res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000)),
      ),
    );
    const client = closeLater(
      createClient({ service: 'big', baseUrl: server.url, maxResponseBytes: 1024, retry: false }),
    );
    const err = await errorOf(client.request({ path: '/' }));
    expect(err).toBeInstanceOf(BodyTooLargeError);
    expect(err.code).toBe('FAULTLINE_BODY_TOO_LARGE');
    expect(err.receivedBytes).toBe(5000);
    expect(err.message).toContain('maxResponseBytes=1024');
  });

  it('aborts a chunked body at the byte that crosses the cap and closes the socket', async () => {
    let stop = false;
    const server = closeLater(
      await startHttpServer((_req, res) => {
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
      }),
    );
    const client = closeLater(
      createClient({ service: 'stream', baseUrl: server.url, maxResponseBytes: 10_000, retry: false }),
    );
    const err = await errorOf(client.request({ path: '/' }));
    expect(err.code).toBe('FAULTLINE_BODY_TOO_LARGE');
    expect(err.receivedBytes).toBeGreaterThan(10_000);
    // The aborted connection is destroyed (undici may open a fresh idle one; that is fine).
    await server.socketsClosed(1);
    expect(server.closed).toBeGreaterThanOrEqual(1);
  });

  it('accepts a body of exactly maxResponseBytes', async () => {
    const server = closeLater(await startHttpServer((_req, res) => res.writeHead(200).end('y'.repeat(1024))));
    const client = closeLater(
      createClient({ service: 'exact', baseUrl: server.url, maxResponseBytes: 1024 }),
    );
    const res = await client.request({ path: '/' });
    expect(res.body.length).toBe(1024);
  });
});
