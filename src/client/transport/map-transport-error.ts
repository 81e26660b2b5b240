import { AbortedError } from '../../errors/aborted-error.ts';
import { isFaultlineError } from '../../errors/faultline-error.ts';
import { InvalidResponseError } from '../../errors/invalid-response-error.ts';
import { NetworkError } from '../../errors/network-error.ts';
import { TimeoutError } from '../../errors/timeout-error.ts';

/**
 * Maps whatever undici (or an interceptor) raised into one of our typed errors, so policies
 * decide on `code` alone:
 *
 * | undici / socket code                          | ours                       |
 * |-----------------------------------------------|----------------------------|
 * | a FaultlineError (ours, from an interceptor)  | unchanged                  |
 * | UND_ERR_HEADERS_TIMEOUT, UND_ERR_BODY_TIMEOUT | TimeoutError               |
 * | UND_ERR_ABORTED, AbortError                   | AbortedError               |
 * | HPE_*, HTTPParserError (unparseable HTTP)     | InvalidResponseError       |
 * | anything else (ECONNRESET, ECONNREFUSED, ...) | NetworkError(socketCode)   |
 */
export function mapTransportError(err: unknown, service: string, timeoutMs: number): Error {
  if (isFaultlineError(err)) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const name = (err as { name?: unknown } | null)?.name;
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new TimeoutError(service, timeoutMs, { cause: err });
  }
  if (code === 'UND_ERR_ABORTED' || name === 'AbortError') return new AbortedError(service, { cause: err });
  if ((typeof code === 'string' && code.startsWith('HPE_')) || name === 'HTTPParserError') {
    const why = (err as { message?: string }).message ?? String(code);
    return new InvalidResponseError(service, `unparseable HTTP response (${why})`, { cause: err });
  }
  return new NetworkError(service, typeof code === 'string' ? code : 'UNKNOWN', { cause: err });
}
