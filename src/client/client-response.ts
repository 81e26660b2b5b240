import { InvalidResponseError } from '../errors/invalid-response-error.ts';
import type { CallOutcome, ClientResponse } from './client-types.ts';
import type { RawResponse } from './transport/send-attempt.ts';

const decoder = new TextDecoder();

/**
 * A response read to its end, with the outcome of the call that produced it. `json()`
 * throws InvalidResponseError (FAULTLINE_INVALID_RESPONSE) when the body is not JSON.
 *
 * @example
 * const res = await client.request({ path: '/v1/user' });
 * res.json<{ id: string }>().id;
 */
export class CallResponse implements ClientResponse {
  readonly status: number;
  readonly body: Uint8Array;

  constructor(
    private readonly raw: RawResponse,
    readonly outcome: CallOutcome,
    private readonly service: string,
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
      const preview = text.length > 60 ? `${text.slice(0, 60)}...` : text;
      throw new InvalidResponseError(
        this.service,
        `expected a JSON body (HTTP ${this.status}), got ${JSON.stringify(preview)}`,
        { cause: err },
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
