import type { Redactor } from '../../redaction/redactor.ts';
import { redactorFor } from '../../redaction/redactor-for.ts';

/** Redacts errors of clients configured with none of the features: the defaults only. */
export const defaultErrorRedactor: Redactor = redactorFor({});

/** Scrubs an error (and its causes) in place: message, stack, and an HTTP response it carries. */
export function redactErrorInPlace(err: unknown, redactor: Redactor, depth = 0): void {
  if (typeof err !== 'object' || err === null || depth > 8) return;
  const e = err as Error & { response?: { headers?: Record<string, unknown>; body?: Uint8Array } };
  setIfChanged(e, 'message', redactor);
  setIfChanged(e, 'stack', redactor);
  const response = e.response;
  if (response !== undefined && typeof response === 'object') {
    try {
      if (response.headers !== undefined) response.headers = redactor.headers(response.headers);
      const body = response.body;
      if (body instanceof Uint8Array && body.byteLength > 0) {
        const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
        const scrubbed = redactor.text(text);
        if (scrubbed !== text) response.body = Buffer.from(scrubbed, 'utf8');
      }
    } catch {
      // A frozen response cannot be scrubbed; it is not ours to replace.
    }
  }
  if (e.cause !== undefined) redactErrorInPlace(e.cause, redactor, depth + 1);
}

/**
 * Why only on change and inside try: foreign errors in the cause chain (a DOMException
 * abort reason) have read-only `message` accessors, and assigning to them in strict mode
 * throws, which would replace the caller's typed error with a TypeError.
 */
function setIfChanged(
  e: Record<string, unknown> | Error,
  key: 'message' | 'stack',
  redactor: Redactor,
): void {
  const value = (e as Record<string, unknown>)[key];
  if (typeof value !== 'string') return;
  const scrubbed = redactor.text(value);
  if (scrubbed === value) return;
  try {
    (e as Record<string, unknown>)[key] = scrubbed;
  } catch {
    // read-only: leave it
  }
}
