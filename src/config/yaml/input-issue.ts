/**
 * One problem found in a user's input file, with the position of the offending node.
 * Formatted by formatInputIssue as
 * `scenarios/x.yaml:12:5 phases[1].faults[0].tcp.attributes.latency: expected a number of milliseconds >= 0, got "fast"`.
 */
export interface InputIssue {
  /** The file as the user named it (relative to the working directory when possible). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Field path, e.g. `phases[1].faults[0].tcp`; empty for the whole document. */
  path: string;
  /** What was expected and what was found, for a human. */
  message: string;
}

/**
 * An issue found in a file's content after it was loaded (a programmatic config, a rule
 * checked at run time), when the node's position is no longer known: reported at 1:1.
 *
 * @example
 * new ScenarioInvalidError([unplacedIssue(scenario.file, 'mode', 'expected ...')]);
 */
export function unplacedIssue(file: string, path: string, message: string): InputIssue {
  return { file, line: 1, column: 1, path, message };
}

/** `file:line:column path: message` (no `path: ` for document-level issues). */
export function formatInputIssue(issue: InputIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path === '' ? `${where} ${issue.message}` : `${where} ${issue.path}: ${issue.message}`;
}

/**
 * `['phases', 1, 'faults', 0, 'tcp']` -> `phases[1].faults[0].tcp`. Keys that are not
 * plain identifiers are quoted: `headers["x-request-id"]`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment))
      out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** `Failed to load <what>: 2 issues; ...` followed by one indented line per issue. */
export function issuesMessage(what: string, issues: readonly InputIssue[], doc: string): string {
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  const lines = issues.map((issue) => `  ${formatInputIssue(issue)}`);
  return [`Failed to load ${what}: ${count}; fix them and run again (format: ${doc}).`, ...lines].join('\n');
}
