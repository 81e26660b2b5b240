import { z } from 'zod';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import { type AdapterClient, resolveAdapterClient } from '../adapter-client.ts';
import { callService } from '../call-service.ts';

/** A prediction served by the inference service. */
export interface Prediction {
  prediction: string;
  /** In [0, 1]. */
  confidence: number;
  features: Record<string, number>;
  degraded: false;
}

/** The configured default served while the inference service cannot answer. */
export interface DegradedPrediction {
  prediction: string;
  confidence: 0;
  features: Record<string, never>;
  degraded: true;
  /** Error code of the failure, e.g. `FAULTLINE_BREAKER_OPEN`, `FAULTLINE_HTTP_STATUS`. */
  reason: string;
}

export type PredictResult = Prediction | DegradedPrediction;

/** What `GET /v1/models/{id}` describes. */
export interface ModelInfo {
  id: string;
  version: string;
  description: string;
  inputs: string[];
  outputs: string[];
}

export interface InferenceAdapterOptions {
  /** A client the caller owns, or options for a client the adapter creates and closes. */
  client: AdapterClient;
  /** Prediction served, with confidence 0, while the service is unavailable. @default 'unknown' */
  defaultPrediction?: string;
}

/** Resolved options, every default applied. */
export interface ResolvedInferenceAdapterOptions {
  defaultPrediction: string;
}

export const INFERENCE_ADAPTER_DEFAULTS: ResolvedInferenceAdapterOptions = { defaultPrediction: 'unknown' };

/** Validates options and applies defaults. */
export function resolveInferenceAdapterOptions(
  options: InferenceAdapterOptions,
): ResolvedInferenceAdapterOptions {
  const defaultPrediction = options.defaultPrediction ?? INFERENCE_ADAPTER_DEFAULTS.defaultPrediction;
  if (typeof defaultPrediction !== 'string') {
    throw new InvalidOptionsError('inference.defaultPrediction', 'a string', defaultPrediction);
  }
  return { defaultPrediction };
}

/**
 * Typed access to the inference service that degrades instead of failing: when the service
 * times out, answers 5xx/429, resets, is short-circuited by the breaker or answers garbage,
 * `predict` serves the configured default with `degraded: true` and the failure's code.
 * A 4xx that retrying cannot fix (unknown model, invalid inputs) throws ServiceRejectedError:
 * hiding a caller bug behind a default would never surface it.
 */
export interface InferenceAdapter {
  predict(model: string, inputs: Record<string, unknown>): Promise<PredictResult>;
  /** The model's description, or null when the service answers 404. Throws when unavailable. */
  getModel(id: string): Promise<ModelInfo | null>;
  close(): Promise<void>;
}

const predictionSchema = z.object({
  prediction: z.string(),
  confidence: z.number().min(0).max(1),
  features: z.record(z.string(), z.number()),
});

const modelSchema = z.object({
  id: z.string(),
  version: z.string(),
  description: z.string(),
  inputs: z.array(z.string()),
  outputs: z.array(z.string()),
});

/**
 * @example
 * const inference = createInferenceAdapter({ client: { service: 'inference', baseUrl }, defaultPrediction: 'low' });
 * const { prediction, degraded } = await inference.predict('risk-v1', { amount: 120 });
 */
export function createInferenceAdapter(options: InferenceAdapterOptions): InferenceAdapter {
  const { defaultPrediction } = resolveInferenceAdapterOptions(options);
  const { client, release } = resolveAdapterClient(options.client);
  return {
    async predict(model, inputs) {
      const result = await callService(
        client,
        'inference',
        `predict with model "${model}"`,
        { method: 'POST', path: '/v1/predict', json: { model, inputs } },
        predictionSchema,
      );
      if (result.kind === 'ok') {
        const { prediction, confidence, features } = result.value;
        return { prediction, confidence, features, degraded: false };
      }
      if (result.kind === 'rejected') throw result.error;
      return {
        prediction: defaultPrediction,
        confidence: 0,
        features: {},
        degraded: true,
        reason: result.code,
      };
    },
    async getModel(id) {
      const result = await callService(
        client,
        'inference',
        `get model "${id}"`,
        { method: 'GET', path: `/v1/models/${encodeURIComponent(id)}` },
        modelSchema,
      );
      if (result.kind === 'ok') return result.value;
      if (result.kind === 'rejected') {
        if (result.status === 404) return null;
        throw result.error;
      }
      throw result.error;
    },
    close: release,
  };
}
