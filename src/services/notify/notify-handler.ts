import { createRouter } from '../create-router.ts';
import { expectObject, expectString, InvalidRequestError, parseJsonBody } from '../parse-json-body.ts';
import type { ServiceHandler, ServiceRequest } from '../service-handler.ts';
import { errorResponse, jsonResponse } from '../service-response.ts';
import { notifyStates } from './notify-states.ts';
import {
  CHANNELS,
  type Channel,
  createNotifyStore,
  type NotifyStore,
  nextNotificationId,
} from './notify-store.ts';

export interface NotifyHandlerOptions {
  /**
   * Answer `POST /_faultline/state` (provider states for Pact verification).
   * @default false
   */
  states?: boolean;
}

/** Longest accepted message, in characters. */
export const MAX_MESSAGE_LENGTH = 2000;

/**
 * The notify service: `POST /v1/notifications` with optional `Idempotency-Key`,
 * `GET /v1/notifications/{id}` (docs/services.md).
 *
 * Idempotency: the first request with a key creates and delivers the notification; a
 * repeat with the same key and the same body answers the same id with
 * `Idempotent-Replayed: true` and delivers nothing; the same key with a different body
 * answers 422. Without a key every request is delivered, so `deliveries` shows what
 * a client that retries without keys does to users.
 */
export function createNotifyHandler(options: NotifyHandlerOptions = {}): ServiceHandler {
  const store: NotifyStore = createNotifyStore();
  const reset = () => Object.assign(store, createNotifyStore(), { rateLimited: undefined });
  return createRouter(
    'notify',
    [
      {
        method: 'POST',
        path: '/v1/notifications',
        degradable: true,
        handle(request) {
          const input = parseNotification(request);
          const key = request.headers['idempotency-key'];
          // Canonical form: the validated fields in a fixed order, so key order and
          // whitespace in the raw body do not count as "a different body".
          const canonical = JSON.stringify([input.userId, input.channel, input.message]);
          if (key !== undefined) {
            const previous = store.idempotency.get(key);
            if (previous && previous.body !== canonical) {
              return errorResponse(
                422,
                'idempotency_key_reused',
                `Idempotency-Key "${key}" was already used with a different body; use a fresh key per notification.`,
              );
            }
            if (previous) {
              return jsonResponse(
                202,
                { id: previous.id, status: 'queued' },
                { 'idempotent-replayed': 'true' },
              );
            }
          }
          if (store.optedOut.has(`${input.userId}:${input.channel}`)) {
            return errorResponse(
              422,
              'channel_opted_out',
              `User "${input.userId}" does not accept ${input.channel} notifications.`,
            );
          }
          const id = nextNotificationId(store);
          store.notifications.set(id, { id, ...input, status: 'delivered', deliveries: 1 });
          if (key !== undefined) store.idempotency.set(key, { body: canonical, id });
          return jsonResponse(202, { id, status: 'queued' });
        },
      },
      {
        method: 'GET',
        path: /^\/v1\/notifications\/(?<id>[^/]+)$/,
        handle(_request, params) {
          const record = store.notifications.get(params.id ?? '');
          if (!record) {
            return errorResponse(
              404,
              'notification_not_found',
              `Notification "${params.id}" does not exist.`,
            );
          }
          const { id, userId, channel, status, deliveries } = record;
          return jsonResponse(200, { id, userId, channel, status, deliveries });
        },
      },
    ],
    options.states ? { states: notifyStates, store, reset } : undefined,
    {
      degraded: {
        current: () => store.rateLimited,
        status: 429,
        error: 'rate_limited',
        message: 'Too many notifications; retry after the Retry-After delay.',
      },
    },
  );
}

function parseNotification(request: ServiceRequest): { userId: string; channel: Channel; message: string } {
  const body = expectObject(parseJsonBody(request), 'body');
  const userId = expectString(body.userId, 'userId');
  if (!(CHANNELS as readonly unknown[]).includes(body.channel)) {
    throw InvalidRequestError.expected('channel', `one of ${CHANNELS.join(', ')}`, body.channel);
  }
  const message = expectString(body.message, 'message');
  if (message.length > MAX_MESSAGE_LENGTH) {
    throw InvalidRequestError.expected(
      'message',
      `at most ${MAX_MESSAGE_LENGTH} characters`,
      `${message.length} characters`,
    );
  }
  return { userId, channel: body.channel as Channel, message };
}
