// Usage: node --import tsx/esm test/support/trace-imports.mjs <module URL or path>
// Imports the module and prints, as JSON, the npm packages whose files the import loaded
// (every ESM resolution, seen by a module.register hook), so a test can assert what an
// entry point costs to import.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
const urls = new Set();
const SENTINEL = 'data:text/javascript,export default "trace-imports-sentinel"';
const flushed = new Promise((resolve) => {
  port1.on('message', (url) => (url === SENTINEL ? resolve() : urls.add(url)));
});
const hook = `data:text/javascript,${encodeURIComponent(`
let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  port.postMessage(result.url);
  return result;
}`)}`;
register(hook, { data: { port: port2 }, transferList: [port2] });

const target = process.argv[2];
await import(target.startsWith('file:') ? target : pathToFileURL(target).href);
// The hook posts from its own thread, in order: once the sentinel's resolution arrives,
// every earlier one has.
await import(SENTINEL);
await flushed;
port1.close();
const packages = new Set();
for (const url of urls) {
  const at = url.lastIndexOf('/node_modules/');
  if (at === -1) continue;
  const parts = url.slice(at + '/node_modules/'.length).split('/');
  packages.add(parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]);
}
process.stdout.write(`${JSON.stringify([...packages].sort())}\n`);
