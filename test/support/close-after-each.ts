import { afterEach } from 'vitest';

/** Anything a test opens and must close: a loopback server, a client, a proxy. */
export interface Closable {
  close(): unknown;
}

/**
 * Registers an `afterEach` that closes, newest first, everything the test passed to the
 * returned function; it returns its argument, so a test opens and registers in one line.
 * Newest first: a client closes before the server it talks to, as an undo stack would.
 *
 * @example
 * const closeLater = closeAfterEach();
 * it('...', async () => {
 *   const server = closeLater(await startHttpServer((_req, res) => res.end('ok')));
 *   const client = closeLater(createClient({ service: 's', baseUrl: server.url }));
 * });
 */
export function closeAfterEach(): <T extends Closable>(resource: T) => T {
  const open: Closable[] = [];
  afterEach(async () => {
    for (const resource of open.splice(0).reverse()) await resource.close();
  });
  return (resource) => {
    open.push(resource);
    return resource;
  };
}
