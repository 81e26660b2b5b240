import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuv';

/**
 * Ids for the `X-Toxiproxy-Request-Id` header, shaped like Toxiproxy's (20 characters of
 * base32hex over 12 bytes: seconds, a per-process random part, a counter), so that logs
 * and scripts that store or grep them see the same kind of value. Unique within a process
 * and sortable by time; not a secret.
 */
export function createRequestIds(): () => string {
  const processPart = randomBytes(5);
  let counter = randomBytes(3).readUIntBE(0, 3);
  const bytes = Buffer.alloc(12);
  return () => {
    bytes.writeUInt32BE(Math.floor(Date.now() / 1000) >>> 0, 0);
    processPart.copy(bytes, 4);
    counter = (counter + 1) & 0xffffff;
    bytes.writeUIntBE(counter, 9, 3);
    return base32hex(bytes);
  };
}

function base32hex(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(value >>> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}
