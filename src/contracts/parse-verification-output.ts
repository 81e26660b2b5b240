import type { ContractResult } from './contract-result.ts';

/** The JSON the Pact verifier (pact_ffi `pactffi_verifier_json`) reports. */
interface VerifierJson {
  result?: boolean;
  output?: string[];
  errors?: VerifierError[];
  pendingErrors?: VerifierError[];
  interactionResults?: Array<{ description: string; result: string }>;
}

interface VerifierError {
  interaction: string;
  mismatch?: { type: string; message?: string; mismatches?: Mismatch[] };
}

interface Mismatch {
  type: string;
  path?: string;
  key?: string;
  expected?: unknown;
  actual?: unknown;
  mismatch?: string;
}

/** Known interactions of the pact that was verified, to name passing ones with their states. */
export interface KnownInteraction {
  description: string;
  states: string[];
}

/**
 * Turns the verifier's JSON report into one result per interaction, with readable
 * failure messages, one line per mismatching field: `body $.hits[0].score: Expected
 * '0.35' (String) to be a number (expected 0.25, got "0.35")`. Returns undefined when `raw` is not the verifier's JSON
 * (it crashed or could not run), so the caller can report that instead.
 */
export function parseVerificationOutput(
  raw: string,
  pact: { consumer: string; provider: string; interactions?: KnownInteraction[] },
): ContractResult[] | undefined {
  let json: VerifierJson;
  try {
    json = JSON.parse(raw) as VerifierJson;
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || !Array.isArray(json.interactionResults)) return undefined;
  const failures = [
    ...(json.errors ?? []).map((e) => ({ e, pending: false })),
    ...(json.pendingErrors ?? []).map((e) => ({ e, pending: true })),
  ];
  return json.interactionResults.map(({ description, result }) => {
    const known = pact.interactions?.find((i) => i.description === description);
    const failure = failures.find(
      ({ e }) => e.interaction === description || e.interaction.endsWith(` - ${description}`),
    );
    const consumer = consumerOf(failure?.e.interaction) ?? pact.consumer;
    const interaction = nameInteraction(description, known?.states ?? statesOf(failure?.e.interaction));
    if (result === 'OK' || !failure) {
      return {
        provider: pact.provider,
        consumer,
        interaction,
        verdict: result === 'OK' ? 'pass' : 'fail',
        ...(result === 'OK' ? {} : { message: `verifier result: ${result}` }),
      } satisfies ContractResult;
    }
    const message = describeMismatch(failure.e);
    // Pending pacts (broker `enablePending`) report failures without failing the build.
    if (failure.pending)
      return {
        provider: pact.provider,
        consumer,
        interaction,
        verdict: 'pass',
        message: `pending: ${message}`,
      };
    return { provider: pact.provider, consumer, interaction, verdict: 'fail', message };
  });
}

/** `a search (given search is overloaded)`. */
export function nameInteraction(description: string, states: readonly string[]): string {
  const given = states.filter((s) => s !== '');
  return given.length === 0 ? description : `${description} (given ${given.join(' and ')})`;
}

function describeMismatch(error: VerifierError): string {
  const mismatch = error.mismatch;
  if (!mismatch) return 'failed without details from the verifier';
  if (mismatch.type !== 'mismatches' || !mismatch.mismatches) {
    return mismatch.message ?? `failed: ${mismatch.type}`;
  }
  // One line per mismatch: a header value such as `text/plain; charset=utf-8` has '; '
  // in it, so lines are never split on anything but a newline.
  return mismatch.mismatches.map(describeOne).join('\n');
}

function describeOne(m: Mismatch): string {
  switch (m.type) {
    case 'StatusMismatch':
      return `status: expected ${show(m.expected)}, got ${show(m.actual)}`;
    case 'HeaderMismatch':
      return `header ${m.key ?? '?'}: ${m.mismatch ?? ''} (expected ${show(m.expected)}, got ${show(m.actual)})`;
    case 'BodyMismatch':
      return `body ${m.path ?? '$'}: ${m.mismatch ?? ''} (expected ${show(m.expected)}, got ${show(m.actual)})`;
    case 'BodyTypeMismatch':
      return `body content type: ${m.mismatch ?? ''} (expected ${show(m.expected)}, got ${show(m.actual)})`;
    default:
      return `${m.type}${m.path ? ` ${m.path}` : ''}: ${m.mismatch ?? ''}`;
  }
}

/** Values come JSON-encoded as strings (`"\"0.35\""`); show them once-encoded and short. */
function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text === undefined || text === '') return 'nothing';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

// "Verifying a pact between faultline and search-service Given X - description"
const INTERACTION_TEXT = /^Verifying a pact between (.+?) and (.+?)(?: Given (.+))? - /;

function consumerOf(text: string | undefined): string | undefined {
  return text ? INTERACTION_TEXT.exec(text)?.[1] : undefined;
}

function statesOf(text: string | undefined): string[] {
  const given = text ? INTERACTION_TEXT.exec(text)?.[3] : undefined;
  return given ? given.split(' And ') : [];
}
