import type { z } from 'zod';
import { didYouMean } from '../did-you-mean.ts';
import type { IssueTarget } from './yaml-source.ts';

/**
 * Turns zod issues into flat, human-worded issues with a path and a target node.
 *
 *   zod issue ──> unions resolved to the branch the user meant ──> one issue per unknown key
 *             ──> "expected X" completed with ", got <what the file has>"
 *
 * Why unions need care: `retry: false | {...}` fails both branches for `retry: {maxAtempts: 3}`;
 * reporting "invalid input" helps nobody. A branch that failed only at its root on the type
 * (a list where an object was expected, `3` where `false` was) is not what the user meant;
 * if some branch got past its root, its issues are the ones to show. If every branch failed
 * at the root, the expectations are joined: `expected false or a retry object, got 3`.
 */
export interface FlatIssue {
  path: PropertyKey[];
  message: string;
  target: IssueTarget;
}

type Issue = z.core.$ZodIssue;

export function flattenZodIssues(issues: readonly Issue[], root: unknown): FlatIssue[] {
  const out: FlatIssue[] = [];
  for (const issue of issues) collect(issue, [], root, out);
  const seen = new Set<string>();
  return out.filter((issue) => {
    const key = `${JSON.stringify(issue.path.map(String))} ${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function collect(issue: Issue, base: PropertyKey[], root: unknown, out: FlatIssue[]): void {
  const path = [...base, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const messages = issue.message.split('\n');
    issue.keys.forEach((key, i) => {
      out.push({ path: [...path, key], message: messages[i] ?? `unknown key "${key}"`, target: 'key' });
    });
    return;
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branches = issue.errors;
    const deeper = branches.filter((branch) => !branch.every(isRootTypeMismatch));
    if (deeper.length > 0) {
      const best = deeper.reduce((a, b) => (b.length < a.length ? b : a));
      for (const inner of best) collect(inner, path, root, out);
      return;
    }
    const expectations = [
      ...new Set(branches.flatMap((branch) => branch.map((i) => i.message.replace(/^expected /, '')))),
    ];
    out.push(complete({ path, message: `expected ${expectations.join(' or ')}`, target: 'value' }, root));
    return;
  }
  let message = issue.message;
  const { value } = valueAt(root, path);
  // A misspelt enum value gets the same hint as a misspelt key.
  if (issue.code === 'invalid_value' && typeof value === 'string') {
    const guess = didYouMean(
      value,
      issue.values.filter((v): v is string => typeof v === 'string'),
    );
    if (guess !== undefined)
      message = `${complete({ path, message, target: 'value' }, root).message} (did you mean "${guess}"?)`;
  }
  out.push(complete({ path, message, target: 'value' }, root));
}

function isRootTypeMismatch(issue: Issue): boolean {
  return issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
}

/** Appends ", got <value>" to an "expected ..." message, or says that the field is missing. */
function complete(issue: FlatIssue, root: unknown): FlatIssue {
  if (!issue.message.startsWith('expected ') || issue.message.includes(', got ')) return issue;
  const { found, value } = valueAt(root, issue.path);
  if (!found && issue.path.length > 0) {
    return { ...issue, message: `missing; ${issue.message}` };
  }
  return { ...issue, message: `${issue.message}, got ${describeValue(value)}` };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !(String(segment) in current)) {
      return { found: false, value: undefined };
    }
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return { found: true, value: current };
}

/** How a found value is shown in a message: strings quoted, containers summarised. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty object' : `an object with ${keys.join(', ')}`;
  }
  return String(value);
}
