import type { HttpFaultSpec } from '../scenario/faults/http/http-fault-spec.ts';
import type { Endpoint } from './endpoint.ts';

/** One fault the explorer can put on one call. */
export interface ExploreFault {
  /** Stable id within a call site: `refused`, `status-429`, `missing-field:subject`, ... */
  id: string;
  /** What a person reads in the matrix. */
  label: string;
  spec: HttpFaultSpec;
}

export interface FaultCatalogOptions {
  /** Injected latency, ms: past the caller's timeout. */
  latencyMs: number;
  /** Time a slow body takes to arrive in full, ms. */
  slowBodyMs: number;
}

/** Statuses every endpoint is tried with, documented or not. */
export const GENERIC_STATUSES = [500, 503] as const;
/** Fields of a body mutated one by one (the first ones), to keep the plan small. */
export const MAX_MUTATED_FIELDS = 3;

/**
 * Every fault the contract of an endpoint implies, generated from the pact:
 *
 *   transport   refused (dropped before any response byte), reset mid-body, latency past
 *               the caller's timeout, a slow body
 *   statuses    every non-2xx answer the pact documents for the endpoint (with its headers,
 *               e.g. 429 + Retry-After, and its body), then 500 and 503 if not documented
 *   contract    the 2xx body with a field of the wrong type, a required field missing
 *               (one fault per top-level field, at most MAX_MUTATED_FIELDS), a truncated JSON body
 *
 * A per-call "connection refused" cannot be told apart from a drop on a kept-alive
 * connection: `refused` closes the connection before any response byte, without
 * forwarding the request.
 */
export function faultCatalog(endpoint: Endpoint, options: FaultCatalogOptions): ExploreFault[] {
  const out: ExploreFault[] = [];
  const okBody = endpoint.success?.body;
  const okBytes = okBody === undefined ? 64 : Buffer.byteLength(JSON.stringify(okBody));
  out.push({ id: 'refused', label: 'connection dropped before any response', spec: { networkError: true } });
  out.push({
    id: 'reset-mid-body',
    label: 'connection reset mid-body',
    spec: { truncateBody: { bytes: Math.max(1, Math.floor(okBytes / 2)) } },
  });
  out.push({
    id: 'latency',
    label: `${options.latencyMs} ms of latency`,
    spec: { delayMs: options.latencyMs },
  });
  out.push({
    id: 'slow-body',
    label: `body trickled over ${options.slowBodyMs} ms`,
    spec: { slowBody: { bytesPerSec: Math.max(1, Math.floor((okBytes * 1000) / options.slowBodyMs)) } },
  });
  const documented = new Set<number>();
  for (const i of endpoint.interactions) {
    if (i.status >= 200 && i.status < 300) continue;
    if (documented.has(i.status)) continue;
    documented.add(i.status);
    const retryAfter = i.headers['retry-after'];
    out.push({
      id: `status-${i.status}`,
      label: `${i.status}${retryAfter !== undefined ? ` + Retry-After: ${retryAfter}` : ''} (pact: ${i.description})`,
      spec: {
        status: i.status,
        ...(retryAfter !== undefined ? { retryAfter: asRetryAfter(retryAfter) } : {}),
        ...(i.body !== undefined ? { body: i.body } : {}),
      },
    });
  }
  for (const status of GENERIC_STATUSES) {
    if (documented.has(status)) continue;
    out.push({ id: `status-${status}`, label: `${status} (not in the pact)`, spec: { status } });
  }
  const success = endpoint.success;
  if (success && isPlainObject(success.body)) {
    const fields = Object.keys(success.body).slice(0, MAX_MUTATED_FIELDS);
    for (const field of fields) {
      const body = { ...success.body, [field]: wrongType(success.body[field]) };
      out.push({
        id: `wrong-type:${field}`,
        label: `${success.status} with "${field}" of the wrong type`,
        spec: { status: success.status, body },
      });
    }
    for (const field of fields) {
      const { [field]: _dropped, ...body } = success.body;
      out.push({
        id: `missing-field:${field}`,
        label: `${success.status} without the required "${field}"`,
        spec: { status: success.status, body },
      });
    }
  }
  if (success)
    out.push({ id: 'truncated-json', label: 'truncated JSON body', spec: { malformedBody: true } });
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value of another JSON type than `v`'s. */
function wrongType(v: unknown): unknown {
  if (typeof v === 'string') return 12345;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return { unexpected: true };
  if (v === null) return 'null';
  return 'unexpected';
}

function asRetryAfter(value: string): number | string {
  const n = Number(value);
  return Number.isFinite(n) && value.trim() !== '' ? n : value;
}
