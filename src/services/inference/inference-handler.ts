import { createRouter } from '../create-router.ts';
import { expectObject, expectString, parseJsonBody } from '../parse-json-body.ts';
import type { ServiceHandler } from '../service-handler.ts';
import { errorResponse, jsonResponse } from '../service-response.ts';
import { createInferenceStore, type InferenceStore } from './inference-models.ts';
import { inferenceStates } from './inference-states.ts';

export interface InferenceHandlerOptions {
  /**
   * Answer `POST /_faultline/state` (provider states for Pact verification).
   * @default false
   */
  states?: boolean;
}

/**
 * The inference service: `POST /v1/predict`, `GET /v1/models/{id}` (docs/services.md).
 *
 * @example
 * const handle = createInferenceHandler();
 * const res = await handle({ method: 'GET', path: '/v1/models/risk-v1', query: new URLSearchParams(), headers: {}, body: new Uint8Array() });
 */
export function createInferenceHandler(options: InferenceHandlerOptions = {}): ServiceHandler {
  const store: InferenceStore = createInferenceStore();
  const reset = () => {
    const fresh = createInferenceStore();
    store.models = fresh.models;
    store.overloaded = undefined;
  };
  return createRouter(
    'inference',
    [
      {
        method: 'POST',
        path: '/v1/predict',
        degradable: true,
        handle(request) {
          // Load shedding happens before parsing, as a real overloaded server would.
          const body = expectObject(parseJsonBody(request), 'body');
          const modelId = expectString(body.model, 'model');
          const inputs = expectObject(body.inputs, 'inputs');
          const model = store.models.get(modelId);
          if (!model) return modelNotFound(modelId, store);
          return jsonResponse(200, { model: model.id, ...model.predict(inputs) });
        },
      },
      {
        method: 'GET',
        path: /^\/v1\/models\/(?<id>[^/]+)$/,
        handle(_request, params) {
          const model = store.models.get(params.id ?? '');
          if (!model) return modelNotFound(params.id ?? '', store);
          const { id, version, description, inputs, outputs } = model;
          return jsonResponse(200, { id, version, description, inputs, outputs });
        },
      },
    ],
    options.states ? { states: inferenceStates, store, reset } : undefined,
    {
      degraded: {
        current: () => store.overloaded,
        status: 503,
        error: 'overloaded',
        message: 'The inference service is overloaded; retry after the Retry-After delay.',
      },
    },
  );
}

function modelNotFound(id: string, store: InferenceStore) {
  const known = [...store.models.keys()].join(', ');
  return errorResponse(404, 'model_not_found', `Model "${id}" does not exist. Known models: ${known}.`);
}
