import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../src/client/create-client.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { closeAfterEach } from '../../support/close-after-each.ts';
import { errorOf, startHttpServer } from './loopback-server.ts';

const closeLater = closeAfterEach();

/** Resolves with the next chunk the stream delivers. */
function nextChunk(body: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    body.once('data', (chunk: Buffer) => {
      body.pause();
      resolve(chunk);
    });
    body.once('error', reject);
    body.resume();
  });
}

/** Resolves with the error the stream is destroyed with. */
function streamError(body: Readable): Promise<Error & { code?: string; receivedBytes?: number }> {
  return new Promise((resolve) => {
    body.on('error', resolve);
    body.resume();
  });
}

async function readAll(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

describe('client.stream()', () => {
  it('settles at the headers and delivers each chunk while the upstream is still sending', async () => {
    let held: ServerResponse | undefined;
    const server = closeLater(
      await startHttpServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain', 'x-kind': 'stream' });
        res.write('first;');
        held = res;
      }),
    );
    const client = closeLater(createClient({ service: 'stream', baseUrl: server.url }));
    const res = await client.stream({ path: '/big' });
    expect(res.status).toBe(200);
    expect(res.headers['x-kind']).toBe('stream');
    expect(res.outcome.attempts).toBe(1);
    // The upstream has not finished: the first chunk arrives on its own.
    expect((await nextChunk(res.body)).toString()).toBe('first;');
    held!.end('second');
    expect(await readAll(res.body)).toBe('second');
    expect(client.metrics().successes).toBe(1);
  });

  it('retries a failing status before streaming the answer', async () => {
    const server = closeLater(
      await startHttpServer((_req, res, hit) => {
        if (hit === 1) res.writeHead(503).end('busy');
        else res.end('answer');
      }),
    );
    const client = closeLater(
      createClient({ service: 'stream', baseUrl: server.url, retry: { maxAttempts: 2, baseDelayMs: 1 } }),
    );
    const res = await client.stream({ path: '/' });
    expect(res.outcome.attempts).toBe(2);
    expect(await readAll(res.body)).toBe('answer');
    expect(server.hits).toBe(2);
  });

  it('keeps the attempt timeout on the body: a stalled body is destroyed with FAULTLINE_TIMEOUT', async () => {
    const server = closeLater(
      await startHttpServer((_req, res) => {
        res.writeHead(200);
        res.write('part');
      }),
    );
    const clock = new ManualClock();
    const client = closeLater(
      createClient({ service: 'stream', baseUrl: server.url, clock, timeoutMs: 1_000, retry: false }),
    );
    const res = await client.stream({ path: '/' });
    expect((await nextChunk(res.body)).toString()).toBe('part');
    const failed = streamError(res.body);
    await clock.advance(1_000 + 10);
    const err = await failed;
    expect(err.code).toBe('FAULTLINE_TIMEOUT');
    await server.socketsClosed(1);
  });

  it('aborts the stream at the byte that crosses maxResponseBytes', async () => {
    const server = closeLater(
      await startHttpServer((_req, res) => {
        res.writeHead(200);
        res.write(Buffer.alloc(600));
        res.write(Buffer.alloc(600));
      }),
    );
    const client = closeLater(
      createClient({ service: 'stream', baseUrl: server.url, maxResponseBytes: 1_000, retry: false }),
    );
    const res = await client.stream({ path: '/' });
    // The cap may be crossed before anyone listens: the error waits for the first read.
    const err = await streamError(res.body);
    expect(err.code).toBe('FAULTLINE_BODY_TOO_LARGE');
    expect(err.receivedBytes).toBeGreaterThan(1_000);
    await server.socketsClosed(1);
  });

  it('a consumer that destroys the body ends the request mid-body', async () => {
    let closed!: (midBody: boolean) => void;
    const closedMidBody = new Promise<boolean>((resolve) => {
      closed = resolve;
    });
    const server = closeLater(
      await startHttpServer((_req, res) => {
        res.writeHead(200);
        res.write('part');
        res.on('close', () => closed(!res.writableEnded));
      }),
    );
    const client = closeLater(createClient({ service: 'stream', baseUrl: server.url }));
    const res = await client.stream({ path: '/' });
    await nextChunk(res.body);
    res.body.destroy();
    expect(await closedMidBody).toBe(true);
  });

  it('a failure with nobody listening for errors closes the stream instead of crashing', async () => {
    const server = closeLater(
      await startHttpServer((_req, res) => {
        res.writeHead(200);
        res.end(Buffer.alloc(1_200));
      }),
    );
    const client = closeLater(
      createClient({ service: 'stream', baseUrl: server.url, maxResponseBytes: 1_000, retry: false }),
    );
    const res = await client.stream({ path: '/' });
    let ended = false;
    res.body.on('end', () => {
      ended = true;
    });
    res.body.resume();
    await new Promise((resolve) => res.body.once('close', resolve));
    expect(ended).toBe(false);
    expect(res.body.destroyed).toBe(true);
  });

  it('serves a fallback answer as a stream too', async () => {
    const server = closeLater(await startHttpServer((_req, res) => res.writeHead(503).end()));
    const client = closeLater(
      createClient({
        service: 'stream',
        baseUrl: server.url,
        retry: false,
        fallback: { kind: 'default', value: { cached: true } },
      }),
    );
    const res = await client.stream({ path: '/' });
    expect(res.outcome.fallback).toBe('default');
    expect(JSON.parse(await readAll(res.body))).toEqual({ cached: true });
  });

  it('rejects like request() when the call fails before any answer', async () => {
    const server = closeLater(await startHttpServer((_req, res) => res.writeHead(503).end()));
    const client = closeLater(createClient({ service: 'stream', baseUrl: server.url, retry: false }));
    const err = await errorOf(client.stream({ path: '/' }));
    expect(err.code).toBe('FAULTLINE_HTTP_STATUS');
  });
});
