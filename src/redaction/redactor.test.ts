import { describe, expect, it } from 'vitest';
import { HttpStatusError } from '../errors/http-status-error.ts';
import { redact } from './redact.ts';
import { REDACTED } from './redaction-defaults.ts';
import { Redactor } from './redactor.ts';
import { redactorFor } from './redactor-for.ts';

describe('Redactor', () => {
  it('redacts secret headers by name, in any case, and keeps the others', () => {
    const out = redact({
      Authorization: 'Bearer abcdef',
      cookie: 'sid=1',
      'Set-Cookie': ['a=1', 'b=2'],
      'X-Api-Key': 'k',
      'x-service-api-key': 'k2',
      'content-type': 'application/json',
    });
    expect(out).toEqual({
      Authorization: REDACTED,
      cookie: REDACTED,
      'Set-Cookie': REDACTED,
      'X-Api-Key': REDACTED,
      'x-service-api-key': REDACTED,
      'content-type': 'application/json',
    });
  });

  it('redacts configured body fields at any depth, and default secret fields', () => {
    const r = new Redactor({ bodyFields: ['email', 'diagnosis'] });
    expect(
      r.value({
        patient: { email: 'a@b.c', diagnosis: 'x', age: 3 },
        list: [{ client_secret: 's' }],
        password: 'p',
      }),
    ).toEqual({
      patient: { email: REDACTED, diagnosis: REDACTED, age: 3 },
      list: [{ client_secret: REDACTED }],
      password: REDACTED,
    });
  });

  it('scrubs registered secrets, Bearer/Basic credentials and JSON fields inside text', () => {
    const r = new Redactor({ secrets: ['canary-1234'], bodyFields: ['ssn'] });
    expect(r.text('failed with key canary-1234 at /x')).toBe(`failed with key ${REDACTED} at /x`);
    expect(r.text('Authorization: Bearer eyJhbGciOi.abc')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(r.text('{"ssn":"123-45","ok":true,"access_token":"zzz"}')).toBe(
      `{"ssn":"${REDACTED}","ok":true,"access_token":"${REDACTED}"}`,
    );
  });

  it('redacts errors, their response bytes and causes, without mutating them', () => {
    const err = new HttpStatusError('svc', {
      status: 500,
      headers: { 'set-cookie': 'sid=canary-5678' },
      body: Buffer.from('{"echo":"canary-5678"}'),
    });
    const wrapped = new Error('outer canary-5678', { cause: err });
    const out = JSON.stringify(new Redactor({ secrets: ['canary-5678'] }).value(wrapped));
    expect(out).not.toContain('canary-5678');
    expect(out).toContain('FAULTLINE_HTTP_STATUS');
    expect(err.response.headers['set-cookie']).toBe('sid=canary-5678');
  });

  it('handles cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(redact(a)).toEqual({ name: 'a', self: '[Circular]' });
  });

  it('redactorFor registers every credential of a client configuration', () => {
    const r = redactorFor({
      auth: { kind: 'basic', username: 'ann', password: 'pw-canary' },
      headers: { 'x-tenant-token': 'tenant-canary' },
    });
    const basic = Buffer.from('ann:pw-canary').toString('base64');
    expect(r.text(`pw-canary ${basic} tenant-canary`)).toBe(`${REDACTED} ${REDACTED} ${REDACTED}`);
  });
});

describe('Redactor by shape: URLs and query strings', () => {
  it('removes URL credentials and keeps the rest of the URL', () => {
    const r = new Redactor();
    expect(r.text('alternate https://ann:pw-canary@alt.example:8443/v1?q=1 failed')).toBe(
      `alternate https://${REDACTED}@alt.example:8443/v1?q=1 failed`,
    );
    expect(r.text('http://token-only@host/x')).toBe(`http://${REDACTED}@host/x`);
    expect(r.text('GET /users/ann@example.com and mail ann@example.com')).toBe(
      'GET /users/ann@example.com and mail ann@example.com',
    );
  });

  it('removes secret-named query and form parameters, keeping the others', () => {
    const r = new Redactor({ bodyFields: ['ssn'] });
    expect(r.text('redirect to /cb?state=abc&access_token=tok-canary&x=1#frag')).toBe(
      `redirect to /cb?state=abc&access_token=${REDACTED}&x=1#frag`,
    );
    expect(r.text('grant_type=client_credentials&client_secret=s3cr3t&ssn=123')).toBe(
      `grant_type=client_credentials&client_secret=${REDACTED}&ssn=${REDACTED}`,
    );
    expect(r.text('see "https://x/y?api_key=k-canary"')).toBe(`see "https://x/y?api_key=${REDACTED}"`);
    expect(r.text('monkey=1&page=2')).toBe('monkey=1&page=2');
  });

  it('stays linear on long text without separators', () => {
    const long = `${'a'.repeat(200_000)}token${'b'.repeat(200_000)}`;
    expect(new Redactor().text(`"${long}`)).toBe(`"${long}`);
    expect(new Redactor().text(` ${long}=`)).toBe(` ${long}=`);
  });
});
