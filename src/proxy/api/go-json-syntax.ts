/**
 * Finds the end of the first JSON value in `text` as Go's `json.Decoder` reads it, or
 * the error Go reports, word for word: Toxiproxy decodes every body with
 * `json.NewDecoder(body).Decode(&v)`, so its messages are Go's scanner messages
 * (`invalid character '}' looking for beginning of object key string`, `unexpected EOF`,
 * `EOF`), and whatever follows the first value is never read (`{...} junk` is accepted).
 *
 * @example
 * goJsonPrefix('{"a":1} junk') // → { end: 7 }
 * goJsonPrefix('{"a" 1}')      // → { error: "invalid character '1' after object key" }
 */
export function goJsonPrefix(text: string): { end: number } | { error: string } {
  const scanner = new Scanner(text);
  scanner.skipSpace();
  if (scanner.atEnd()) return { error: 'EOF' };
  try {
    scanner.value();
    return { end: scanner.i };
  } catch (err) {
    if (err instanceof GoSyntaxError) return { error: err.message };
    throw err;
  }
}

class GoSyntaxError extends Error {}

class Scanner {
  i = 0;
  constructor(private readonly s: string) {}

  atEnd(): boolean {
    return this.i >= this.s.length;
  }

  skipSpace(): void {
    while (' \t\r\n'.includes(this.s[this.i] ?? 'x')) this.i++;
  }

  /** Go's error at the current character: `unexpected EOF` when the text ran out. */
  fail(context: string): never {
    const c = this.s[this.i];
    throw new GoSyntaxError(
      c === undefined ? 'unexpected EOF' : `invalid character ${quoteChar(c)} ${context}`,
    );
  }

  value(): void {
    this.skipSpace();
    const c = this.s[this.i];
    if (c === '{') this.object();
    else if (c === '[') this.array();
    else if (c === '"') this.string();
    else if (c === 't') this.literal('true');
    else if (c === 'f') this.literal('false');
    else if (c === 'n') this.literal('null');
    else if (c === '-' || isDigit(c)) this.number();
    else this.fail('looking for beginning of value');
  }

  private object(): void {
    this.i++;
    this.skipSpace();
    if (this.s[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      if (this.s[this.i] !== '"') this.fail('looking for beginning of object key string');
      this.string();
      this.skipSpace();
      if (this.s[this.i] !== ':') this.fail('after object key');
      this.i++;
      this.value();
      this.skipSpace();
      const c = this.s[this.i];
      if (c === '}') {
        this.i++;
        return;
      }
      if (c !== ',') this.fail('after object key:value pair');
      this.i++;
      this.skipSpace();
    }
  }

  private array(): void {
    this.i++;
    this.skipSpace();
    if (this.s[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value();
      this.skipSpace();
      const c = this.s[this.i];
      if (c === ']') {
        this.i++;
        return;
      }
      if (c !== ',') this.fail('after array element');
      this.i++;
    }
  }

  private string(): void {
    this.i++;
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) this.fail('');
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '\\') {
        this.i++;
        const e = this.s[this.i];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i++;
        else if (e === 'u') {
          this.i++;
          for (let k = 0; k < 4; k++, this.i++) {
            if (!/[0-9a-fA-F]/.test(this.s[this.i] ?? '')) this.fail('in \\u hexadecimal character escape');
          }
        } else this.fail('in string escape code');
      } else if (c < ' ') this.fail('in string literal');
      else this.i++;
    }
  }

  private number(): void {
    if (this.s[this.i] === '-') this.i++;
    if (this.s[this.i] === '0') this.i++;
    else if (isDigit(this.s[this.i])) this.digits();
    else this.fail('in numeric literal');
    if (this.s[this.i] === '.') {
      this.i++;
      if (!isDigit(this.s[this.i])) this.fail('after decimal point in numeric literal');
      this.digits();
    }
    if (this.s[this.i] === 'e' || this.s[this.i] === 'E') {
      this.i++;
      if (this.s[this.i] === '+' || this.s[this.i] === '-') this.i++;
      if (!isDigit(this.s[this.i])) this.fail('in exponent of numeric literal');
      this.digits();
    }
  }

  private digits(): void {
    while (isDigit(this.s[this.i])) this.i++;
  }

  private literal(word: string): void {
    for (let k = 1; k < word.length; k++) {
      this.i++;
      if (this.s[this.i] !== word[k]) this.fail(`in literal ${word} (expecting '${word[k]}')`);
    }
    this.i++;
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

const GO_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
};

/** Go's `quoteChar`: the offending byte in single quotes, escaped as `strconv.Quote` does. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return `'"'`;
  const escaped = GO_ESCAPES[c];
  if (escaped !== undefined) return `'${escaped}'`;
  const code = c.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  if (code < 0x80) return `'${c}'`;
  // Go looks at the first byte of the UTF-8 sequence and prints it as the rune of that value.
  const first = Buffer.from(c, 'utf8')[0]!;
  return `'${String.fromCharCode(first)}'`;
}
