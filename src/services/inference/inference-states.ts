import { outageState, type ProviderState } from '../provider-state.ts';
import { type InferenceStore, riskModel } from './inference-models.ts';

/** Provider states of the inference service (docs/services.md lists them too). */
export const inferenceStates: readonly ProviderState<InferenceStore>[] = [
  {
    name: 'model {model} exists',
    description: 'The model is served (an unknown id is added, behaving like risk-v1).',
    setup(store, params) {
      const id = params.string('model');
      if (!store.models.has(id)) store.models.set(id, riskModel(id, `Provider-state model ${id}.`));
    },
  },
  {
    name: 'model {model} does not exist',
    description: 'The model is not served: predict and GET /v1/models/{id} answer 404.',
    setup(store, params) {
      store.models.delete(params.string('model'));
    },
  },
  outageState('inference is overloaded', 'Every predict call answers 503 `overloaded`', (store, outage) => {
    store.overloaded = outage;
  }),
];
