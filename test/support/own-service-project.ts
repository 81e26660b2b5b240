import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A user's project as a new user has it: their own HTTP service (a small real server on
 * 127.0.0.1, port 0, answering JSON) registered in faultline.config.yaml by `baseUrl` with
 * no reference service, and a scenarios/ directory. Not one of the five reference services.
 */
export interface OwnServiceProject {
  dir: string;
  /** Base URL of the user's service. */
  url: string;
  /** Requests the service has answered. */
  requests(): number;
  /** Writes scenarios/<file> and returns its path relative to `dir`. */
  scenario(file: string, yaml: string): Promise<string>;
  /** Writes any file in the project (e.g. a client module) and returns its absolute path. */
  file(name: string, text: string): Promise<string>;
  close(): Promise<void>;
}

export async function ownServiceProject(): Promise<OwnServiceProject> {
  const dir = await mkdtemp(join(tmpdir(), 'faultline-own-'));
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    req.resume();
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await mkdir(join(dir, 'scenarios'));
  await writeFile(
    join(dir, 'faultline.config.yaml'),
    [
      'consumer: me',
      'services:',
      '  mine:',
      '    provider: my-service',
      '    pact: contracts/me-my-service.json',
      `    baseUrl: ${url}`,
      '    client:',
      '      timeoutMs: 1000',
      '      deadlineMs: 3000',
      '      retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 50, jitter: full }',
      '',
    ].join('\n'),
  );
  return {
    dir,
    url,
    requests: () => requests,
    async scenario(file, yaml) {
      await writeFile(join(dir, 'scenarios', file), yaml);
      return `scenarios/${file}`;
    },
    async file(name, text) {
      await writeFile(join(dir, name), text);
      return join(dir, name);
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A `mode: real` scenario for the service `mine`, one phase per entry of `phases`. */
export function realScenario(
  name: string,
  phases: Array<{ name: string; durationMs: number; faults?: string[] }>,
  hypotheses: string[] = ['{ calls: { min: 1 } }'],
  load: { concurrency?: number; ratePerSec?: number } = {},
): string {
  return [
    `name: ${name}`,
    'service: mine',
    'mode: real',
    'load:',
    `  concurrency: ${load.concurrency ?? 1}`,
    `  ratePerSec: ${load.ratePerSec ?? 20}`,
    '  request: { method: GET, path: /things }',
    'phases:',
    ...phases.flatMap((p) => [
      `  - name: ${p.name}`,
      `    durationMs: ${p.durationMs}`,
      ...(p.faults?.length ? ['    faults:', ...p.faults.map((f) => `      - ${f}`)] : []),
    ]),
    'hypotheses:',
    ...hypotheses.map((h) => `  - ${h}`),
    '',
  ].join('\n');
}
