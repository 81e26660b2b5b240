import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from '../errors/invalid-options-error.ts';
import { builtInFaultlineConfig } from './default-faultline-config.ts';
import type { FaultlineConfig } from './faultline-config-schema.ts';
import { mergeClientConfig, resolveServiceClientOptions } from './resolve-service-client-options.ts';
import { resolveServiceRequest } from './resolve-service-request.ts';

const config: FaultlineConfig = {
  consumer: 'faultline',
  services: {
    api: {
      provider: 'api-service',
      pact: 'contracts/api.json',
      baseUrl: 'http://127.0.0.1:9',
      request: { idempotencyKey: 'auto', headers: { 'x-team': 'core', 'x-env': 'test' } },
      client: {
        timeoutMs: 1000,
        headers: { 'x-a': '1' },
        retry: { maxAttempts: 3, baseDelayMs: 100, budget: { ratio: 0.2, windowMs: 1000 } },
        breaker: { failureThreshold: 5, resetTimeoutMs: 10_000 },
        fallback: { kind: 'cache', maxAgeMs: 1000 },
      },
    },
    bare: { provider: 'bare', pact: 'contracts/bare.json', reference: 'search' },
  },
};

describe('resolveServiceClientOptions', () => {
  it('merges bulkhead, rateLimit, hedging and endpoint features like breaker; false removes an inherited one', () => {
    const withFeatures: FaultlineConfig = {
      ...config,
      services: {
        ...config.services,
        api: {
          ...config.services.api!,
          client: {
            bulkhead: { maxConcurrent: 8, maxQueue: 2 },
            rateLimit: { ratePerSec: 10 },
            hedging: { delayMs: 50 },
            outlierDetection: { consecutiveFailures: 3 },
          },
        },
      },
    };
    const options = resolveServiceClientOptions(withFeatures, 'api', {
      bulkhead: { maxQueue: 0 },
      rateLimit: false,
      hedging: false,
      outlierDetection: { baseEjectionMs: 60_000 },
      loadBalancing: 'weighted',
    });
    expect(options.bulkhead).toEqual({ maxConcurrent: 8, maxQueue: 0 });
    expect(options.rateLimit).toBe(false);
    expect('hedging' in options).toBe(false);
    expect(options.outlierDetection).toEqual({ consecutiveFailures: 3, baseEjectionMs: 60_000 });
    expect(options.loadBalancing).toBe('weighted');
  });

  it('returns the service config with the service name and base URL when there are no overrides', () => {
    expect(resolveServiceClientOptions(config, 'api')).toEqual({
      service: 'api',
      baseUrl: 'http://127.0.0.1:9',
      timeoutMs: 1000,
      headers: { 'x-a': '1' },
      retry: { maxAttempts: 3, baseDelayMs: 100, budget: { ratio: 0.2, windowMs: 1000 } },
      breaker: { failureThreshold: 5, resetTimeoutMs: 10_000 },
      fallback: { kind: 'cache', maxAgeMs: 1000 },
    });
  });

  it('deep-merges overrides: scalars replace, nested policy objects and headers merge', () => {
    const resolved = resolveServiceClientOptions(config, 'api', {
      timeoutMs: 300,
      headers: { 'x-b': '2' },
      retry: { maxAttempts: 2, budget: { ratio: 0.5 } },
      breaker: { resetTimeoutMs: 1000 },
    });
    expect(resolved.timeoutMs).toBe(300);
    expect(resolved.headers).toEqual({ 'x-a': '1', 'x-b': '2' });
    expect(resolved.retry).toEqual({
      maxAttempts: 2,
      baseDelayMs: 100,
      budget: { ratio: 0.5, windowMs: 1000 },
    });
    expect(resolved.breaker).toEqual({ failureThreshold: 5, resetTimeoutMs: 1000 });
  });

  it('disables policies with false and removes the fallback with false', () => {
    const resolved = resolveServiceClientOptions(config, 'api', {
      retry: false,
      breaker: false,
      fallback: false,
    });
    expect(resolved.retry).toBe(false);
    expect(resolved.breaker).toBe(false);
    expect(resolved).not.toHaveProperty('fallback');
  });

  it('re-enables a disabled policy with an object and replaces the fallback as a whole', () => {
    const merged = mergeClientConfig(
      { retry: false, fallback: { kind: 'cache', maxAgeMs: 5 } },
      { retry: { maxAttempts: 4 }, fallback: { kind: 'default', value: { ok: true } } },
    );
    expect(merged.retry).toEqual({ maxAttempts: 4 });
    expect(merged.fallback).toEqual({ kind: 'default', value: { ok: true } });
  });

  it('keeps the example scenario overrides on top of the shipped inference config', () => {
    const resolved = resolveServiceClientOptions(builtInFaultlineConfig(), 'inference', {
      timeoutMs: 300,
      retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 200, jitter: 'full' },
      breaker: { failureThreshold: 5, resetTimeoutMs: 1000, halfOpenMaxCalls: 1 },
    });
    expect(resolved).toMatchObject({
      service: 'inference',
      timeoutMs: 300,
      deadlineMs: 5000,
      breaker: { strategy: 'consecutive', failureThreshold: 5, resetTimeoutMs: 1000, halfOpenMaxCalls: 1 },
    });
    expect(resolved).not.toHaveProperty('baseUrl');
  });

  it('throws a typed error naming the known services for an unknown key', () => {
    expect(() => resolveServiceClientOptions(config, 'nope')).toThrow(InvalidOptionsError);
    expect(() => resolveServiceClientOptions(config, 'nope')).toThrow(
      /service: expected .*\(api, bare\), got "nope"/,
    );
  });
});

describe('resolveServiceRequest', () => {
  it('adds the registry request defaults; the scenario wins', () => {
    const resolved = resolveServiceRequest(config, 'api', {
      method: 'POST',
      path: '/x',
      headers: { 'x-env': 'prod' },
    });
    expect(resolved).toEqual({
      method: 'POST',
      path: '/x',
      idempotencyKey: 'auto',
      headers: { 'x-team': 'core', 'x-env': 'prod' },
    });
    expect(
      resolveServiceRequest(config, 'api', { method: 'GET', path: '/', idempotencyKey: 'k' }).idempotencyKey,
    ).toBe('k');
  });

  it('returns the request unchanged for a service without defaults', () => {
    const request = { method: 'GET' as const, path: '/v1/search' };
    expect(resolveServiceRequest(config, 'bare', request)).toBe(request);
  });
});
