import type { ServiceResponse } from './service-handler.ts';

/** The content type every reference service answers with. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A JSON response. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): ServiceResponse {
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers }, body: JSON.stringify(body) };
}

/**
 * The error shape shared by the five services (docs/services.md):
 * `{"error":{"code":"<snake_case>","message":"<text>"}}`.
 */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): ServiceResponse {
  return jsonResponse(status, { error: { code, message } }, headers);
}

/** 503/429 answers carry `Retry-After` in whole seconds. */
export function retryAfterResponse(
  status: 429 | 503,
  code: string,
  message: string,
  retryAfterSeconds: number,
): ServiceResponse {
  return errorResponse(status, code, message, { 'retry-after': String(retryAfterSeconds) });
}
