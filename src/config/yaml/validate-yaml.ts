import type { z } from 'zod';
import { formatPath, type InputIssue } from './input-issue.ts';
import { locate, parseYamlSource, type YamlSource } from './yaml-source.ts';
import { type FlatIssue, flattenZodIssues } from './zod-issues.ts';

/** The outcome of validating one YAML file: the parsed value or every issue, in file order. */
export type YamlValidation<T> =
  | { ok: true; value: T; source: YamlSource }
  | { ok: false; issues: InputIssue[]; source: YamlSource };

/**
 * Parses `text` as YAML and validates it with `schema`, plus `extraChecks` (rules that need
 * the whole document or outside context; they receive the raw value and must read it
 * defensively). Syntax errors stop before validation: a half-parsed document would only
 * produce confusing follow-up issues.
 */
export function validateYaml<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  extraChecks: (raw: unknown) => FlatIssue[] = () => [],
): YamlValidation<z.output<S>> {
  const source = parseYamlSource(text, file);
  if (source.syntaxErrors.length > 0) {
    const issues = source.syntaxErrors.map((error) => ({
      file,
      line: error.line,
      column: error.column,
      path: '',
      message: `YAML syntax error: ${error.message}`,
    }));
    return { ok: false, issues, source };
  }
  const result = schema.safeParse(source.value);
  const flat = [
    ...(result.success ? [] : flattenZodIssues(result.error.issues, source.value)),
    ...extraChecks(source.value),
  ];
  if (flat.length === 0 && result.success) return { ok: true, value: result.data, source };
  return { ok: false, issues: toInputIssues(flat, source), source };
}

/** Positions and sorts flat issues by where they are in the file. */
export function toInputIssues(flat: readonly FlatIssue[], source: YamlSource): InputIssue[] {
  const emptyDocument = source.document.contents === null;
  return flat
    .map((issue, order) => {
      const { line, column } = locate(source, issue.path, issue.target);
      const message =
        emptyDocument && issue.path.length === 0
          ? issue.message.replace(/, got (nothing|an empty value)$/, ', got an empty file')
          : issue.message;
      return { order, issue: { file: source.file, line, column, path: formatPath(issue.path), message } };
    })
    .sort((a, b) => a.issue.line - b.issue.line || a.issue.column - b.issue.column || a.order - b.order)
    .map((entry) => entry.issue);
}
