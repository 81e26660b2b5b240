import { createAnalyticsHandler } from './analytics/analytics-handler.ts';
import { createAuthHandler } from './auth/auth-handler.ts';
import { createInferenceHandler } from './inference/inference-handler.ts';
import { createNotifyHandler } from './notify/notify-handler.ts';
import { createSearchHandler } from './search/search-handler.ts';
import type { ServiceHandler } from './service-handler.ts';
import type { ServiceName } from './service-names.ts';

export interface ServiceHandlerOptions {
  /**
   * Answer `POST /_faultline/state` (provider states for Pact verification).
   * @default false
   */
  states?: boolean;
}

const factories: Record<ServiceName, (options: ServiceHandlerOptions) => ServiceHandler> = {
  inference: createInferenceHandler,
  auth: createAuthHandler,
  notify: createNotifyHandler,
  analytics: createAnalyticsHandler,
  search: createSearchHandler,
};

/**
 * A fresh handler (with fresh state) for the reference service `name`; the runner serves
 * it in-process in virtual time, `startServices` over HTTP.
 *
 * @example
 * const handle = createServiceHandler('search');
 */
export function createServiceHandler(name: ServiceName, options: ServiceHandlerOptions = {}): ServiceHandler {
  return factories[name](options);
}
