import { Readable } from 'node:stream';
import type { CallResponse } from './client-response.ts';
import type { StreamingClientResponse } from './client-types.ts';
import { StreamedResponse } from './transport/streaming-attempt-handler.ts';

/**
 * The `stream()` view of a call's response: the streamed body as it arrives, or, when the
 * answer was read whole (a fallback, a cached response, a status that is read whole), that
 * body as a one-chunk stream, so the caller always reads `body` the same way.
 */
export function streamingResponse(response: CallResponse): StreamingClientResponse {
  const raw = response.raw;
  return {
    status: response.status,
    get headers() {
      return response.headers;
    },
    body: raw instanceof StreamedResponse ? raw.stream : wholeBody(raw.body),
    outcome: response.outcome,
  };
}

/** A body already in memory as a byte stream (not object mode), without copying it. */
function wholeBody(body: Uint8Array): Readable {
  const chunks = body.byteLength === 0 ? [] : [Buffer.from(body.buffer, body.byteOffset, body.byteLength)];
  return Readable.from(chunks, { objectMode: false });
}
