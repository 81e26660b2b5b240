import { createClient } from '/work/main/src/client/create-client.ts';
import { startHttpServer } from '/work/main/test/integration/client/loopback-server.ts';
const server = await startHttpServer((_req, res) => res.writeHead(200).end('ok'));
const c = createClient({ service: 'k', baseUrl: server.url });
const seen = [];
for (let i = 0; i < 10; i++) { await c.request({ path: '/' }); seen.push(server.connections); }
console.log(seen.join(','));
await c.close(); await server.close();
