import { readFile } from 'node:fs/promises';
import { ExploreError } from './explore-error.ts';

/** One request/response pair of a pact, reduced to what exploration needs. */
export interface PactInteraction {
  description: string;
  method: string;
  /** The example path written in the pact. */
  path: string;
  /** A regex the path must match (from the pact's `matchingRules.path`), when the pact has one. */
  pathRegex?: string;
  status: number;
  /** Response headers, lower-cased names. */
  headers: Record<string, string>;
  /** Response body (parsed JSON), when the pact has one. */
  body?: unknown;
}

/**
 * Reads the interactions of a pact file (specification v2, v3 or v4; v4 bodies are
 * `{ content }` and headers may be arrays). Bad input is one line naming the file.
 *
 * @example
 * const interactions = await readPactInteractions('contracts/checkout-payments.json');
 */
export async function readPactInteractions(file: string): Promise<PactInteraction[]> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new ExploreError(`Failed to read the pact ${file}: ${(err as Error).message}`);
  }
  const interactions = (doc as { interactions?: unknown }).interactions;
  if (!Array.isArray(interactions))
    throw new ExploreError(`${file} interactions: expected an array of pact interactions`);
  return interactions.map((raw, i) => toInteraction(raw, `${file} interactions[${i}]`));
}

/** The parts of a pact interaction read here (v2/v3/v4). */
interface RawInteraction {
  description?: string;
  request?: { method?: unknown; path?: unknown; matchingRules?: { path?: RawPathRule } };
  response?: { status?: unknown; headers?: Record<string, unknown>; body?: unknown };
}
type RawPathRule = { regex?: string; matchers?: Array<{ match?: string; regex?: string }> };

function toInteraction(raw: unknown, where: string): PactInteraction {
  const { description, request, response } = (raw ?? {}) as RawInteraction;
  const method = request?.method;
  const path = request?.path;
  if (typeof method !== 'string' || typeof path !== 'string')
    throw new ExploreError(`${where}.request: expected { method, path }`);
  const status = Number(response?.status);
  if (!Number.isInteger(status)) throw new ExploreError(`${where}.response.status: expected an HTTP status`);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response?.headers ?? {}))
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  const rule = request?.matchingRules?.path;
  const regex = rule?.matchers?.find((m) => m.match === 'regex')?.regex ?? rule?.regex;
  let body = response?.body;
  if (body && typeof body === 'object' && 'content' in body && ('contentType' in body || 'encoded' in body))
    body = (body as { content: unknown }).content;
  return {
    description: String(description ?? `${method} ${path}`),
    method: method.toUpperCase(),
    path,
    ...(typeof regex === 'string' ? { pathRegex: regex } : {}),
    status,
    headers,
    ...(body !== undefined ? { body } : {}),
  };
}

/** Whether a request (method, path without query) is one of this interaction's. */
export function matchesInteraction(i: PactInteraction, method: string, path: string): boolean {
  if (i.method !== method.toUpperCase()) return false;
  if (i.pathRegex !== undefined) return new RegExp(i.pathRegex).test(path);
  return i.path === path;
}
