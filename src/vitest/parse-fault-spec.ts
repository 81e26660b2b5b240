import type { z } from 'zod';
import { InvalidOptionsError } from '../errors/invalid-options-error.ts';
import type { HttpFaultSpec } from '../scenario/faults/http/http-fault-spec.ts';
import { httpFaultSchema } from '../scenario/schema/http-fault-schema.ts';
import { type TcpFault, tcpFaultSchema } from '../scenario/schema/tcp-fault-schema.ts';
import type { FaultSpec } from './fault-session.ts';

/**
 * Validates the faults given to `apply`/`with` with the scenario format's own schemas (the
 * same rules, defaults and messages as a scenario's `tcp:` and `http:`), so a typo fails with
 * the field and the expectation before anything is applied.
 */
export function parseFaultSpec(name: string, spec: FaultSpec): { tcp: TcpFault[]; http: HttpFaultSpec[] } {
  return {
    tcp: toArray(spec.tcp).map((f, i) => parse(tcpFaultSchema, f, `${name}.tcp[${i}]`)),
    http: toArray(spec.http).map((f, i) => parse(httpFaultSchema, f, `${name}.http[${i}]`)),
  };
}

function parse<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const at = issue.path.reduce<string>(
    (p, k) => (typeof k === 'number' ? `${p}[${k}]` : `${p}.${String(k)}`),
    field,
  );
  // The schemas word their messages "expected <what>"; the rest ("unknown key ...") reads as "no <it>".
  const what = issue.message.startsWith('expected ')
    ? issue.message.slice('expected '.length)
    : `no ${issue.message}`;
  const received = issue.path.reduce<unknown>(
    (v, k) =>
      typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined,
    value,
  );
  throw new InvalidOptionsError(at, what, received, { action: 'apply faults' });
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
