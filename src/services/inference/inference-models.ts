import { InvalidRequestError } from '../parse-json-body.ts';

/** A model the inference service serves; `predict` is a pure function of the inputs. */
export interface InferenceModel {
  id: string;
  version: string;
  description: string;
  inputs: string[];
  outputs: string[];
  predict(inputs: Record<string, unknown>): Prediction;
}

export interface Prediction {
  prediction: string;
  /** In [0, 1]. */
  confidence: number;
  features: Record<string, number>;
}

/** The service's mutable content: the models and whether it is overloaded. */
export interface InferenceStore {
  models: Map<string, InferenceModel>;
  /** When set, every predict call answers 503 with this Retry-After. */
  overloaded?: { retryAfterSeconds: number };
}

export function createInferenceStore(): InferenceStore {
  return { models: new Map([riskModel('risk-v1'), sentimentModel()].map((m) => [m.id, m])) };
}

/**
 * `risk-v1`: a hand-written linear score over amount, account age and country, bucketed
 * into low/medium/high. Also the behaviour of models created by the `model {model} exists`
 * provider state.
 */
export function riskModel(
  id: string,
  description = 'Transaction risk from amount, account age and country.',
) {
  return {
    id,
    version: '1.0.0',
    description,
    inputs: ['amount', 'accountAgeDays', 'country'],
    outputs: ['low', 'medium', 'high'],
    predict(inputs: Record<string, unknown>): Prediction {
      const amount = nonNegative(inputs, 'amount', 0);
      const accountAgeDays = nonNegative(inputs, 'accountAgeDays', 365);
      const country = inputs.country;
      if (country !== undefined && typeof country !== 'string') {
        throw InvalidRequestError.expected('inputs.country', 'an ISO country code string', country);
      }
      const foreign = country !== undefined && country.toUpperCase() !== 'US' ? 1 : 0;
      const newAccount = accountAgeDays < 30 ? 1 : 0;
      const score = 0.5 * Math.min(amount / 10_000, 1) + 0.3 * foreign + 0.2 * newAccount;
      const prediction = score < 1 / 3 ? 'low' : score < 2 / 3 ? 'medium' : 'high';
      return {
        prediction,
        confidence: round4(0.6 + 0.4 * Math.abs(score - 0.5) * 2),
        features: { amount, accountAgeDays, foreign, newAccount, score: round4(score) },
      };
    },
  } satisfies InferenceModel;
}

const POSITIVE = new Set([
  'good',
  'great',
  'excellent',
  'love',
  'happy',
  'fast',
  'reliable',
  'nice',
  'thanks',
]);
const NEGATIVE = new Set(['bad', 'terrible', 'awful', 'hate', 'slow', 'broken', 'angry', 'fail', 'down']);

/** `sentiment-v2`: lexicon counts over the words of `inputs.text`. */
function sentimentModel(): InferenceModel {
  return {
    id: 'sentiment-v2',
    version: '2.1.0',
    description: 'Sentiment of a short English text from a word lexicon.',
    inputs: ['text'],
    outputs: ['positive', 'neutral', 'negative'],
    predict(inputs) {
      const text = inputs.text ?? '';
      if (typeof text !== 'string') throw InvalidRequestError.expected('inputs.text', 'a string', text);
      const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
      const positive = words.filter((w) => POSITIVE.has(w)).length;
      const negative = words.filter((w) => NEGATIVE.has(w)).length;
      const score = (positive - negative) / Math.max(1, positive + negative);
      const prediction = score > 0.2 ? 'positive' : score < -0.2 ? 'negative' : 'neutral';
      return {
        prediction,
        confidence: round4(0.5 + Math.abs(score) / 2),
        features: { words: words.length, positive, negative, score: round4(score) },
      };
    },
  };
}

function nonNegative(inputs: Record<string, unknown>, name: string, fallback: number): number {
  const value = inputs[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw InvalidRequestError.expected(`inputs.${name}`, 'a number >= 0', value);
  }
  return value;
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
