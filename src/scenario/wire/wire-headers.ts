/**
 * Request headers the wire log reads. The load driver puts `CALL_TAG_HEADER` on every
 * logical call it hands to the client; a client that forwards caller headers repeats it on
 * every attempt, so the wire log can group attempts by call.
 */
export const CALL_TAG_HEADER = 'x-faultline-call';
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REQUEST_ID_HEADER = 'x-request-id';
