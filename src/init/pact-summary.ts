import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FaultlineError } from '../errors/faultline-error.ts';

/** What `faultline init --pact FILE` takes from a consumer pact. */
export interface PactSummary {
  consumer: string;
  provider: string;
  /** The first HTTP interaction's request as a YAML flow mapping, for the starter load. */
  request: string | undefined;
}

interface PactRequest {
  method?: string;
  path?: string;
  query?: Record<string, string | string[]> | string;
  /** V2/V3: the body; V4: `{ content, contentType, encoded }`. */
  body?: unknown;
}

/**
 * Reads the consumer and provider names and a representative request from a pact file
 * (spec V2 to V4: `interactions[].request`; V4 interactions of other types are skipped).
 */
export async function readPactSummary(file: string, cwd: string): Promise<PactSummary> {
  let pact: {
    consumer?: { name?: string };
    provider?: { name?: string };
    interactions?: Array<{ type?: string; request?: PactRequest }>;
  };
  try {
    pact = JSON.parse(await readFile(path.resolve(cwd, file), 'utf8'));
  } catch (err) {
    throw new FaultlineError(
      'FAULTLINE_INIT_INVALID',
      `Failed to read the pact ${file}: ${(err as Error).message}. Pass a pact JSON file written by your consumer tests.`,
      { cause: err },
    );
  }
  const consumer = pact.consumer?.name;
  const provider = pact.provider?.name;
  if (typeof consumer !== 'string' || typeof provider !== 'string') {
    throw new FaultlineError(
      'FAULTLINE_INIT_INVALID',
      `Failed to read the pact ${file}: consumer.name and provider.name: expected strings. Is it a Pact file?`,
    );
  }
  const http = (pact.interactions ?? []).find(
    (i) => (i.type === undefined || i.type === 'Synchronous/HTTP') && typeof i.request?.path === 'string',
  );
  return { consumer, provider, request: http?.request ? flowRequest(http.request) : undefined };
}

function flowRequest(request: PactRequest): string {
  const parts = [
    `method: ${(request.method ?? 'GET').toUpperCase()}`,
    `path: ${JSON.stringify(request.path)}`,
  ];
  const query = typeof request.query === 'string' ? new URLSearchParams(request.query) : undefined;
  const entries = query
    ? [...query.entries()]
    : Object.entries(request.query ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v[0]! : v] as const);
  if (entries.length > 0)
    parts.push(`query: { ${entries.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')} }`);
  const body = jsonBodyOf(request.body);
  if (body !== undefined) parts.push(`json: ${JSON.stringify(body)}`);
  return `{ ${parts.join(', ')} }`;
}

function jsonBodyOf(body: unknown): unknown {
  if (body === null || typeof body !== 'object') return undefined;
  const v4 = body as { content?: unknown; contentType?: string };
  if ('contentType' in v4) return v4.contentType?.includes('json') ? v4.content : undefined;
  return body;
}
