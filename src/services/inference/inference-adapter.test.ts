import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import { INFERENCE_ADAPTER_DEFAULTS, resolveInferenceAdapterOptions } from './inference-adapter.ts';

const client = { service: 'inference', baseUrl: 'http://127.0.0.1:1' };

describe('resolveInferenceAdapterOptions', () => {
  it('applies the default prediction', () => {
    expect(resolveInferenceAdapterOptions({ client })).toEqual(INFERENCE_ADAPTER_DEFAULTS);
    expect(INFERENCE_ADAPTER_DEFAULTS.defaultPrediction).toBe('unknown');
  });

  it('rejects a non-string default, naming the field', () => {
    expect(() => resolveInferenceAdapterOptions({ client, defaultPrediction: 3 as never })).toThrow(
      new InvalidOptionsError('inference.defaultPrediction', 'a string', 3),
    );
  });
});
