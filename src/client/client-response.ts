import { InvalidResponseError } from '../errors/invalid-response-error.ts';
import type { CallOutcome, ClientResponse } from './client-types.ts';
import type { RawResponse } from './transport/attempt-handler.ts';

const decoder = new TextDecoder();

/** Scrubs secrets from text shown in an error (the client's Redactor.text). */
export type ScrubText = (text: string) => string;

/**
 * A response read to its end, with the outcome of the call that produced it. `json()`
 * throws InvalidResponseError (FAULTLINE_INVALID_RESPONSE) when the body is not JSON; the
 * body preview in its message is redacted like every client error (docs/client-features.md).
 *
 * @example
 * const res = await client.request({ path: '/v1/user' });
 * res.json<{ id: string }>().id;
 */
export class CallResponse implements ClientResponse {
  readonly status: number;
  readonly body: Uint8Array;

  constructor(
    /** The response as the transport gave it (a StreamedResponse for `stream()`). */
    readonly raw: RawResponse,
    readonly outcome: CallOutcome,
    private readonly service: string,
    private readonly scrub: ScrubText,
  ) {
    this.status = raw.status;
    this.body = raw.body;
  }

  /** Response headers, lower-case names; parsed from the wire list on first read. */
  get headers(): Record<string, string | string[] | undefined> {
    return this.raw.headers;
  }

  text(): string {
    return decoder.decode(this.body);
  }

  json<T = unknown>(): T {
    const text = this.text();
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      // Scrubbed whole, then cut: a cut first could split a secret's shape ("token":"ab...)
      // so that it no longer looks like one. The SyntaxError is not kept as the cause: V8
      // quotes the unredacted body in its message. Its position is kept instead.
      const scrubbed = this.scrub(text);
      const preview = scrubbed.length > 60 ? `${scrubbed.slice(0, 60)}...` : scrubbed;
      const at = /position \d+/.exec((err as Error).message)?.[0];
      throw new InvalidResponseError(
        this.service,
        `expected a JSON body (HTTP ${this.status}), got ${JSON.stringify(preview)}${at ? ` (invalid at ${at})` : ''}`,
      );
    }
  }
}

/**
 * Attaches the call's outcome to the error it failed with, so callers and the runner can
 * see attempts and breaker state of failed calls too. Read it back with getCallOutcome().
 */
export function attachOutcome<E extends Error>(err: E, outcome: CallOutcome): E {
  Object.defineProperty(err, 'outcome', { value: outcome, enumerable: false, configurable: true });
  return err;
}

/**
 * The outcome of the failed call `err` was thrown by, if it came from a client.
 *
 * @example
 * catch (err) { console.log(getCallOutcome(err)?.attempts); }
 */
export function getCallOutcome(err: unknown): CallOutcome | undefined {
  return (err as { outcome?: CallOutcome } | null)?.outcome;
}
