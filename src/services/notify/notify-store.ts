/** The channels a notification can go through. */
export const CHANNELS = ['email', 'sms', 'push'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface NotificationRecord {
  id: string;
  userId: string;
  channel: Channel;
  message: string;
  status: 'delivered';
  /** How many times it was delivered; a correct client with idempotency keys keeps this at 1. */
  deliveries: number;
}

/** The notify service's mutable content. */
export interface NotifyStore {
  notifications: Map<string, NotificationRecord>;
  /** Idempotency-Key -> the canonical body it was first used with and the id it created. */
  idempotency: Map<string, { body: string; id: string }>;
  /** Channels a user has opted out of: `${userId}:${channel}`. */
  optedOut: Set<string>;
  /** Ids are a counter so that outputs are deterministic. */
  nextId: number;
  rateLimited?: { retryAfterSeconds: number };
}

export function createNotifyStore(): NotifyStore {
  return { notifications: new Map(), idempotency: new Map(), optedOut: new Set(), nextId: 1 };
}

/** `ntf-000001`, `ntf-000002`, ... */
export function nextNotificationId(store: NotifyStore): string {
  return `ntf-${String(store.nextId++).padStart(6, '0')}`;
}
