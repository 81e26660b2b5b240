import {
  Alias,
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from 'yaml';

/**
 * A parsed YAML file that remembers where every node is, so that a validation issue on
 * `phases[1].durationMs` can be reported at its line and column.
 */
export interface YamlSource {
  file: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain JS value of the document (undefined when the file had syntax errors). */
  value: unknown;
  /** YAML syntax errors, with their own positions. */
  syntaxErrors: Array<{ line: number; column: number; message: string }>;
}

/**
 * Most alias expansions (`*name`) while building a document's value. Far above what a real
 * scenario uses, far below what a billion-laughs bomb needs.
 */
export const MAX_ALIAS_COUNT = 100;

/** Where an issue points: the value at the path, or the key of its last segment. */
export type IssueTarget = 'value' | 'key';

/** Parses `text` keeping positions. Never throws on bad YAML: see `syntaxErrors`. */
export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  // uniqueKeys: a duplicated key is an error, not a silent override of the first one.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxErrors = document.errors.map((error) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { line, column: col, message: firstLine(error.message) };
  });
  let value: unknown;
  if (syntaxErrors.length === 0) {
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      // The yaml package throws a ReferenceError when aliases would expand past the limit
      // (a "billion laughs" bomb): report it at the first alias like a syntax error.
      const { line, col } = lineCounter.linePos(firstAliasOffset(document));
      syntaxErrors.push({
        line,
        column: col,
        message: `aliases (*name) expand to too many nodes (${firstLine((err as Error).message)}, limit ${MAX_ALIAS_COUNT}); write the values out or use fewer aliases`,
      });
    }
  }
  return { file, document, lineCounter, value, syntaxErrors };
}

/**
 * The 1-based line and column of the node at `path` (or of its key). When the path does
 * not exist in the file (a missing required key) it points at the deepest node that does.
 */
export function locate(
  source: YamlSource,
  path: readonly PropertyKey[],
  target: IssueTarget = 'value',
): { line: number; column: number } {
  let node: unknown = source.document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [index, segment] of path.entries()) {
    if (node instanceof Alias) node = node.resolve(source.document);
    let next: unknown;
    let keyOffset: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyOf(item.key) === String(segment));
      if (pair) {
        keyOffset = rangeStart(pair.key);
        next = pair.value;
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (next === undefined && keyOffset === undefined) break;
    const isLast = index === path.length - 1;
    offset = (target === 'key' && isLast ? keyOffset : rangeStart(next)) ?? keyOffset ?? offset;
    node = next;
  }
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/** Offset of the first `*alias` of the document (0 when there is none). */
function firstAliasOffset(document: Document.Parsed): number {
  let offset = 0;
  visit(document, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
