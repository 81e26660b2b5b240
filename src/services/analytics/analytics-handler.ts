import { createRouter } from '../create-router.ts';
import { expectObject, expectString, InvalidRequestError, parseJsonBody } from '../parse-json-body.ts';
import type { ServiceHandler } from '../service-handler.ts';
import { jsonResponse } from '../service-response.ts';
import { type AnalyticsStore, analyticsStates, createAnalyticsStore } from './analytics-states.ts';

export interface AnalyticsHandlerOptions {
  /**
   * Answer `POST /_faultline/state` (provider states for Pact verification).
   * @default false
   */
  states?: boolean;
}

/** Most events in one batch. */
export const MAX_EVENTS_PER_BATCH = 1000;

// ISO-8601 date-time with a zone (Z or ±hh:mm), optional fractional seconds.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The analytics service: `POST /v1/events` (docs/services.md). Every event of a batch is
 * validated; the first invalid one rejects the batch with its index and field
 * (`events[3].at: expected ...`), so nothing is half-accepted.
 */
export function createAnalyticsHandler(options: AnalyticsHandlerOptions = {}): ServiceHandler {
  const store: AnalyticsStore = createAnalyticsStore();
  const reset = () => Object.assign(store, createAnalyticsStore(), { unavailable: undefined });
  return createRouter(
    'analytics',
    [
      {
        method: 'POST',
        path: '/v1/events',
        degradable: true,
        handle(request) {
          const body = expectObject(parseJsonBody(request), 'body');
          const events = body.events;
          if (!Array.isArray(events) || events.length < 1 || events.length > MAX_EVENTS_PER_BATCH) {
            throw InvalidRequestError.expected(
              'events',
              `an array of 1 to ${MAX_EVENTS_PER_BATCH} events`,
              Array.isArray(events) ? `${events.length} events` : events,
            );
          }
          events.forEach(validateEvent);
          store.accepted += events.length;
          return jsonResponse(202, { accepted: events.length });
        },
      },
    ],
    options.states ? { states: analyticsStates, store, reset } : undefined,
    {
      degraded: {
        current: () => store.unavailable,
        status: 503,
        error: 'unavailable',
        message: 'Analytics ingestion is unavailable; retry after the Retry-After delay.',
      },
    },
  );
}

function validateEvent(value: unknown, index: number): void {
  const field = `events[${index}]`;
  const event = expectObject(value, field);
  expectString(event.type, `${field}.type`);
  expectString(event.userId, `${field}.userId`);
  const at = event.at;
  if (typeof at !== 'string' || !ISO_DATE_TIME.test(at) || Number.isNaN(Date.parse(at))) {
    throw InvalidRequestError.expected(`${field}.at`, 'an ISO-8601 date-time like 2026-01-31T12:00:00Z', at);
  }
  if (event.properties !== undefined) expectObject(event.properties, `${field}.properties`);
}
