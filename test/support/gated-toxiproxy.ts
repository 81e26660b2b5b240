import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FaultProxy, startFaultProxy } from '../../src/proxy/start-fault-proxy.ts';

/**
 * A Toxiproxy API (the embedded fault proxy behind a forwarding front) whose DELETE
 * requests are held until the test releases them: cleanup is then in progress for exactly
 * as long as the test wants, so a signal can be sent DURING it without any timing.
 */
export interface GatedToxiproxy {
  /** URL of the front: pass it as --toxiproxy-url. */
  url: string;
  /** The real fault proxy behind it (inspect it directly). */
  backend: FaultProxy;
  /** Resolves when the first DELETE (a cleanup step) has arrived and is being held. */
  firstDelete: Promise<void>;
  /** Forwards the held DELETEs and every later one. */
  release(): void;
  close(): Promise<void>;
}

/**
 * @param options.failDeletes answer every DELETE with a 500 instead of holding it (an
 *   undo that fails, without any timing).
 */
export async function gatedToxiproxy(options: { failDeletes?: boolean } = {}): Promise<GatedToxiproxy> {
  const backend = await startFaultProxy({ port: 0 });
  let released = false;
  const held: Array<() => void> = [];
  let onFirstDelete!: () => void;
  const firstDelete = new Promise<void>((resolve) => {
    onFirstDelete = resolve;
  });
  const forward = async (req: IncomingMessage, body: Buffer) => {
    const res = await fetch(`${backend.url}${req.url}`, {
      method: req.method,
      headers: { 'content-type': 'application/json' },
      ...(body.length > 0 ? { body } : {}),
    });
    return { status: res.status, text: await res.text() };
  };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === 'DELETE' && options.failDeletes) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'injected by the test', status: 500 }));
      return;
    }
    if (req.method === 'DELETE' && !released) {
      onFirstDelete();
      await new Promise<void>((resolve) => held.push(resolve));
    }
    try {
      const answer = await forward(req, Buffer.concat(chunks));
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.text);
    } catch {
      // The backend is gone (the test is tearing down): answer as an unreachable API would.
      res.destroy();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const release = () => {
    released = true;
    for (const resolve of held.splice(0)) resolve();
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    backend,
    firstDelete,
    release,
    async close() {
      release();
      server.closeAllConnections();
      server.close();
      await backend.close();
    },
  };
}
