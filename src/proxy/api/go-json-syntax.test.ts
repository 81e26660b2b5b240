import { describe, expect, it } from 'vitest';
import { goJsonPrefix } from './go-json-syntax.ts';

/** Each message below is what toxiproxy-server 2.12 answered for the same body. */
describe('goJsonPrefix (Go json.Decoder syntax errors)', () => {
  it.each([
    ['', 'EOF'],
    ['   ', 'EOF'],
    ['"str', 'unexpected EOF'],
    ['{', 'unexpected EOF'],
    ['x', "invalid character 'x' looking for beginning of value"],
    ["'", "invalid character '\\'' looking for beginning of value"],
    ['{nope', "invalid character 'n' looking for beginning of object key string"],
    ['{"name":"a","upstream":"b",}', "invalid character '}' looking for beginning of object key string"],
    ['{"name" "a"}', `invalid character '"' after object key`],
    ['{"name":"a" "b"}', `invalid character '"' after object key:value pair`],
    ['[1 2]', "invalid character '2' after array element"],
    ['{"name":"\\q"}', "invalid character 'q' in string escape code"],
    ['{"a":"\\u00zz"}', "invalid character 'z' in \\u hexadecimal character escape"],
    ['\n{\t\u0001', "invalid character '\\x01' looking for beginning of object key string"],
    ['{"name":tru}', "invalid character '}' in literal true (expecting 'e')"],
    ['{"name":-x}', "invalid character 'x' in numeric literal"],
    ['{"name":1.}', "invalid character '}' after decimal point in numeric literal"],
    ['{"name":1e}', "invalid character '}' in exponent of numeric literal"],
  ])('%j → %s', (body, message) => {
    expect(goJsonPrefix(body)).toEqual({ error: message });
  });

  it('stops after the first value, as the decoder never reads what follows', () => {
    const body = '{"name":"a","upstream":"b:1"} junk';
    expect(goJsonPrefix(body)).toEqual({ end: body.indexOf(' junk') });
    expect(goJsonPrefix(' [1, {"a": [true, null, -0.5e+3]}]x')).toEqual({ end: 34 });
  });
});
