import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import type { Clock } from '../../time/clock.ts';
import { systemClock } from '../../time/system-clock.ts';
import { type AdapterClient, resolveAdapterClient } from '../adapter-client.ts';
import { callService, type ServiceCallResult } from '../call-service.ts';
import { createPeriodicDrain, drainIntervalMs } from '../periodic-drain.ts';
import { NotifyOutbox, type QueuedNotification } from './notify-outbox.ts';

export type NotifyChannel = 'email' | 'sms' | 'push';

/** What the adapter sends: exactly the three fields the notify service needs. */
export interface Notification {
  userId: string;
  channel: NotifyChannel;
  message: string;
}

/**
 * `sent`: the service accepted it (`id` is its id). `queued`: the service was unavailable and
 * the notification waits in the outbox for `redeliver()`. `rejected`: the outbox was full, or
 * the service refused the request itself (400/422), which retrying cannot fix.
 */
export type SendResult =
  | { status: 'sent'; id: string }
  | { status: 'queued'; outboxSize: number }
  | { status: 'rejected'; reason: 'outbox-full' | 'invalid-request'; errorCode?: string };

/** What `GET /v1/notifications/{id}` says about a notification. */
export interface NotificationStatus {
  id: string;
  userId: string;
  channel: string;
  status: string;
  /** Times the service delivered it; 1 when idempotency held. */
  deliveries: number;
}

export interface RedeliverResult {
  /** Queued notifications the service accepted in this run. */
  delivered: number;
  /** The service's ids of those notifications, in outbox order. */
  deliveredIds: string[];
  /** Queued notifications the service refused (400/422), removed from the outbox. */
  dropped: number;
  /** Left in the outbox for the next run. */
  remaining: number;
}

export interface NotifyStats {
  /** Accepted on the first send. */
  sent: number;
  /** Accepted by a redelivery. */
  redelivered: number;
  /** In the outbox now. */
  queued: number;
  /** Refused by the service (400/422), on send or redelivery. */
  rejected: number;
  /** Refused because the outbox was full. */
  outboxFull: number;
  /** Redelivery runs that stopped on an unavailable service. */
  failedRedeliveries: number;
}

export interface NotifyAdapterOptions {
  /** A client the caller owns, or options for a client the adapter creates and closes. */
  client: AdapterClient;
  /** Most notifications kept for redelivery; beyond it `send` answers `outbox-full`. @default 1000 */
  maxOutbox?: number;
  /** Redeliver the outbox every this many ms while it is not empty; `false`: only on `redeliver()`. @default false */
  redeliverEveryMs?: number | false;
  /** @default systemClock */
  clock?: Clock;
  /** One key per notification, reused on every redelivery. @default crypto.randomUUID */
  idempotencyKey?: () => string;
}

export interface ResolvedNotifyAdapterOptions {
  maxOutbox: number;
  redeliverEveryMs: number | false;
  clock: Clock;
  idempotencyKey: () => string;
}

export const NOTIFY_ADAPTER_DEFAULTS = { maxOutbox: 1000, redeliverEveryMs: false } as const;

/** Validates options and applies defaults. */
export function resolveNotifyAdapterOptions(options: NotifyAdapterOptions): ResolvedNotifyAdapterOptions {
  const maxOutbox = options.maxOutbox ?? NOTIFY_ADAPTER_DEFAULTS.maxOutbox;
  if (!Number.isInteger(maxOutbox) || maxOutbox < 0) {
    throw new InvalidOptionsError('notify.maxOutbox', 'an integer >= 0', maxOutbox);
  }
  const redeliverEveryMs = drainIntervalMs(
    'notify.redeliverEveryMs',
    options.redeliverEveryMs ?? NOTIFY_ADAPTER_DEFAULTS.redeliverEveryMs,
  );
  return {
    maxOutbox,
    redeliverEveryMs,
    clock: options.clock ?? systemClock,
    idempotencyKey: options.idempotencyKey ?? randomUUID,
  };
}

/**
 * Sends notifications at most once, and keeps them when the service is down. Each
 * notification gets ONE idempotency key: the first send and every redelivery carry it, so a
 * send that reached the service but lost its answer is not delivered twice.
 */
export interface NotifyAdapter {
  send(notification: Notification): Promise<SendResult>;
  /** Retries the outbox oldest first; stops at the first unavailable answer. Never rejects. */
  redeliver(): Promise<RedeliverResult>;
  /** The service's record of a notification, or null when it answers 404. Throws when unavailable. */
  getNotification(id: string): Promise<NotificationStatus | null>;
  /** A snapshot of the outbox, oldest first. */
  outbox(): QueuedNotification[];
  stats(): NotifyStats;
  /** Stops the redelivery timer and closes an owned client; the outbox is kept for inspection. */
  close(): Promise<void>;
}

const acceptedSchema = z.object({ id: z.string().min(1), status: z.string() });

const statusSchema = z.object({
  id: z.string(),
  userId: z.string(),
  channel: z.string(),
  status: z.string(),
  deliveries: z.number().int().nonnegative(),
});

/**
 * @example
 * const notify = createNotifyAdapter({ client: { service: 'notify', baseUrl }, redeliverEveryMs: 5_000 });
 * const r = await notify.send({ userId: 'u1', channel: 'email', message: 'Your report is ready' });
 */
export function createNotifyAdapter(options: NotifyAdapterOptions): NotifyAdapter {
  const resolved = resolveNotifyAdapterOptions(options);
  const { clock } = resolved;
  const { client, release } = resolveAdapterClient(options.client);
  const outbox = new NotifyOutbox(resolved.maxOutbox);
  const stats: Omit<NotifyStats, 'queued'> = {
    sent: 0,
    redelivered: 0,
    rejected: 0,
    outboxFull: 0,
    failedRedeliveries: 0,
  };

  const post = (notification: Notification, key: string): Promise<ServiceCallResult<{ id: string }>> =>
    callService(
      client,
      'notify',
      `send a notification to user "${notification.userId}"`,
      {
        method: 'POST',
        path: '/v1/notifications',
        json: { userId: notification.userId, channel: notification.channel, message: notification.message },
        idempotencyKey: key,
      },
      acceptedSchema,
    );

  const runRedelivery = async (): Promise<RedeliverResult> => {
    let delivered = 0;
    let dropped = 0;
    const deliveredIds: string[] = [];
    for (const entry of outbox.list()) {
      if (redeliverer.closed) break;
      entry.attempts++;
      const result = await post(entry.notification, entry.idempotencyKey);
      if (result.kind === 'unavailable') {
        stats.failedRedeliveries++;
        break;
      }
      outbox.remove(entry);
      if (result.kind === 'ok') {
        delivered++;
        deliveredIds.push(result.value.id);
        stats.redelivered++;
      } else {
        dropped++;
        stats.rejected++;
      }
    }
    return { delivered, deliveredIds, dropped, remaining: outbox.size };
  };

  // Single-flight (periodic-drain.ts): two overlapping runs would send the same entry twice
  // concurrently; harmless thanks to the key, but it doubles the load on a sick service.
  const redeliverer = createPeriodicDrain({
    everyMs: resolved.redeliverEveryMs,
    clock,
    pending: () => outbox.size > 0,
    drain: runRedelivery,
  });

  return {
    async send(notification) {
      const key = resolved.idempotencyKey();
      const result = await post(notification, key);
      if (result.kind === 'ok') {
        stats.sent++;
        return { status: 'sent', id: result.value.id };
      }
      if (result.kind === 'rejected') {
        stats.rejected++;
        return { status: 'rejected', reason: 'invalid-request', errorCode: result.error.code };
      }
      const queued = outbox.push({
        notification: {
          userId: notification.userId,
          channel: notification.channel,
          message: notification.message,
        },
        idempotencyKey: key,
        queuedAt: clock.now(),
        attempts: 1,
      });
      if (!queued) {
        stats.outboxFull++;
        return { status: 'rejected', reason: 'outbox-full', errorCode: result.code };
      }
      redeliverer.arm();
      return { status: 'queued', outboxSize: outbox.size };
    },
    redeliver: redeliverer.run,
    async getNotification(id) {
      const result = await callService(
        client,
        'notify',
        `get notification "${id}"`,
        { method: 'GET', path: `/v1/notifications/${encodeURIComponent(id)}` },
        statusSchema,
      );
      if (result.kind === 'ok') return result.value;
      if (result.kind === 'rejected' && result.status === 404) return null;
      throw result.error;
    },
    outbox: () => outbox.list(),
    stats: () => ({ ...stats, queued: outbox.size }),
    async close() {
      await redeliverer.close();
      await release();
    },
  };
}
