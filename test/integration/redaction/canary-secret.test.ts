import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io.ts';
import { main } from '../../../src/cli/main.ts';
import type { ClientOptions } from '../../../src/client/client-types.ts';
import { createClient } from '../../../src/client/create-client.ts';
import { redact } from '../../../src/redaction/redact.ts';
import { redactorFor } from '../../../src/redaction/redactor-for.ts';
import { startHttpServer } from '../client/loopback-server.ts';

/**
 * Canary secrets: unique values given to the client as an API key, bearer token, cookie and
 * a personal body field. Every artifact produced (captured events, errors, event log,
 * reports, CLI output) is searched for them: none may contain any.
 */
const canary = (label: string) => `canary-${label}-${randomUUID()}`;

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

function leaks(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((s) => text.includes(s));
}

describe('canary secrets never leak', () => {
  it('through the client: events, errors and their redacted log lines', async () => {
    const apiKey = canary('api-key');
    const cookie = canary('cookie');
    const ssn = canary('ssn');
    const secrets = [apiKey, cookie, ssn];
    const received: string[] = [];
    // A misbehaving service that echoes every credential back in a 500 (headers and body).
    const server = await startHttpServer((req, res) => {
      received.push(JSON.stringify(req.headers));
      res.writeHead(500, { 'content-type': 'application/json', 'set-cookie': `sid=${cookie}` });
      res.end(JSON.stringify({ error: 'boom', echo: req.headers, patient: { ssn } }));
    });
    const options: ClientOptions = {
      service: 'canary',
      baseUrl: server.url,
      auth: { kind: 'api-key', key: apiKey },
      headers: { cookie: `sid=${cookie}` },
      redact: { bodyFields: ['ssn'] },
      retry: { maxAttempts: 2, baseDelayMs: 1, budget: false },
    };
    const client = createClient(options);
    const captured: unknown[] = [];
    client.onAttempt((e) => captured.push(e));
    client.onRetry((e) => captured.push(e));
    client.onCall((e) => captured.push(e));
    client.onBreakerStateChange((e) => captured.push(e));
    let thrown: unknown;
    try {
      await client.request({
        method: 'POST',
        path: '/v1/patients',
        json: { patient: { ssn } },
        idempotencyKey: 'k1',
      });
    } catch (err) {
      thrown = err;
    }
    await client.close();
    await server.close();

    // The canaries really went over the wire, so the test could catch a leak.
    expect(received.join('\n')).toContain(apiKey);
    expect(received.join('\n')).toContain(cookie);
    expect((thrown as { code?: string }).code).toBe('FAULTLINE_HTTP_STATUS');
    expect(captured.length).toBeGreaterThan(0);

    const err = thrown as Error & { response: { headers: unknown; body: Uint8Array } };
    const artifacts = [
      JSON.stringify(captured),
      err.message,
      String(err.stack),
      JSON.stringify(err.response.headers),
      Buffer.from(err.response.body).toString('utf8'),
      JSON.stringify(redact(err, redactorFor(options))),
      JSON.stringify(client.metrics()),
      JSON.stringify(client.health?.() ?? {}),
    ];
    for (const text of artifacts) expect(leaks(text, secrets)).toEqual([]);
  });

  it('through a body that is not JSON and a failure that echoes the URL or a token by shape', async () => {
    const apiKey = canary('api-key');
    const token = canary('token');
    const secrets = [apiKey, token];
    const server = await startHttpServer((req, res) => {
      if (req.url === '/text') {
        // A 200 whose body is not JSON and echoes the key and a token in a query string.
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`upstream said: key ${apiKey}; retry at /cb?state=1&access_token=${token}`);
        return;
      }
      res.writeHead(500, { 'content-type': 'text/plain', location: `/cb?access_token=${token}` });
      res.end(`failed for /v1/x?access_token=${token}`);
    });
    const client = createClient({
      service: 'canary',
      baseUrl: server.url,
      auth: { kind: 'api-key', key: apiKey },
      retry: false,
    });
    const jsonError = await client
      .request({ path: '/text' })
      .then((res) => res.json())
      .catch((err: unknown) => err);
    const statusError = await client.request({ path: '/fail' }).catch((err: unknown) => err);
    await client.close();
    await server.close();

    expect((jsonError as { code?: string }).code).toBe('FAULTLINE_INVALID_RESPONSE');
    expect((statusError as { code?: string }).code).toBe('FAULTLINE_HTTP_STATUS');
    const failed = statusError as Error & { response: { headers: unknown; body: Uint8Array } };
    const artifacts = [
      (jsonError as Error).message,
      inspect(jsonError, { depth: 5 }),
      inspect(statusError, { depth: 5 }),
      JSON.stringify(failed.response.headers),
      Buffer.from(failed.response.body).toString('utf8'),
    ];
    for (const text of artifacts) expect(leaks(text, secrets)).toEqual([]);
    // What is left still says what happened.
    expect((jsonError as Error).message).toContain('expected a JSON body (HTTP 200), got "upstream said');
    expect(Buffer.from(failed.response.body).toString('utf8')).toBe(
      'failed for /v1/x?access_token=[REDACTED]',
    );
  });

  describe('through a real scenario run', () => {
    let cwd: string;
    beforeAll(async () => {
      cwd = await mkdtemp(join(tmpdir(), 'faultline-canary-'));
      await mkdir(join(cwd, 'scenarios'));
    });
    afterAll(async () => {
      await rm(cwd, { recursive: true, force: true });
    });

    it('event log, reports and CLI output', async () => {
      const token = canary('token');
      const apiKey = canary('api-key');
      const cookie = canary('cookie');
      const secrets = [token, apiKey, cookie];
      await writeFile(
        join(cwd, 'scenarios', 'canary.yaml'),
        `name: canary secrets
service: search
seed: 5
client:
  headers: { authorization: "Bearer ${token}" }
load:
  concurrency: 1
  ratePerSec: 20
  maxCalls: 40
  request:
    method: GET
    path: /v1/search
    query: { q: canary }
    headers: { x-api-key: "${apiKey}", cookie: "sid=${cookie}" }
phases:
  - name: steady
    durationMs: 1000
  - name: broken
    durationMs: 1000
    faults:
      - http: { rate: 1, status: 503, body: { error: "down" } }
hypotheses:
  - { phase: steady, calls: { min: 1 } }
`,
      );
      const out: string[] = [];
      const io: CliIo = {
        stdout: { write: (s: string) => out.push(s), isTTY: false },
        stderr: { write: (s: string) => out.push(s) },
        env: { CI: 'true' },
        cwd,
        onSignal: () => () => {},
      };
      const code = await main(['run', 'scenarios/canary.yaml', '--report-dir', 'out'], io);
      expect(out.join('')).toContain('canary secrets');
      expect([0, 1]).toContain(code);
      const files = await filesUnder(join(cwd, 'out'));
      expect(files.some((f) => f.endsWith('events.ndjson'))).toBe(true);
      expect(files.length).toBeGreaterThan(1);
      const found: Record<string, string[]> = {};
      for (const file of files) {
        const hits = leaks(await readFile(file, 'utf8'), secrets);
        if (hits.length > 0) found[file.slice(cwd.length)] = hits;
      }
      const output = leaks(out.join(''), secrets);
      if (output.length > 0) found['CLI output'] = output;
      expect(found).toEqual({});
    });

    it('URL credentials of a fallback baseUrl stay out of the event log and reports', async () => {
      const password = canary('url-password');
      await writeFile(
        join(cwd, 'scenarios', 'userinfo.yaml'),
        `name: url credentials
service: search
client:
  fallback: { kind: alternate, baseUrl: "http://svc-user:${password}@127.0.0.1:9/alt" }
load: { maxCalls: 3, request: { method: GET, path: /v1/search, query: { q: x } } }
phases: [{ name: steady, durationMs: 100 }]
`,
      );
      const io: CliIo = {
        stdout: { write: () => true, isTTY: false },
        stderr: { write: () => true },
        env: { CI: 'true' },
        cwd,
        onSignal: () => () => {},
      };
      await main(['run', 'scenarios/userinfo.yaml', '--report-dir', 'userinfo'], io);
      const files = await filesUnder(join(cwd, 'userinfo'));
      const log = await readFile(join(cwd, 'userinfo', 'events.ndjson'), 'utf8');
      expect(log).toContain('127.0.0.1:9/alt'); // the setting is logged, its credentials are not
      for (const file of files) expect(leaks(await readFile(file, 'utf8'), [password]), file).toEqual([]);
    });
  });
});
