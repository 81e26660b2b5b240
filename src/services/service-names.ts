/**
 * The five reference services, in port order: `faultline services --port-base N` puts
 * them at N+1 … N+5 in this order.
 */
export const SERVICE_NAMES = ['inference', 'auth', 'notify', 'analytics', 'search'] as const;

/** The name of a reference service. */
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** True when `name` is one of the reference services. */
export function isServiceName(name: string): name is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(name);
}
