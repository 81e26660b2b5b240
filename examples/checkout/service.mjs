/**
 * The checkout service of the `faultline explore` example (docs/explore.md).
 *
 *   POST /checkout { token, orderId, amount, email }
 *     1. auth      GET  {AUTH_URL}/tokens/{token}      -> 200 { active, subject }
 *     2. payments  POST {PAYMENTS_URL}/charges          -> 201 { id, status }   (Idempotency-Key: orderId)
 *     3. notify    POST {NOTIFY_URL}/messages           -> 202 { id }           (failure: queued in an outbox)
 *
 * Answers 200 { status: 'confirmed', customer, chargeId, notification } or a clean refusal
 * (401 { status: 'denied' }, 402 { status: 'declined' }, 503 { status: 'unavailable', charged: false }).
 *
 * Planted resilience bugs, each behind a switch (any non-empty value turns it on):
 *   CHECKOUT_BUG_PAYMENT_NO_KEY   a payment retried after a timeout without an Idempotency-Key
 *   CHECKOUT_BUG_NOTIFY_FATAL     a notify outage fails the whole checkout instead of queueing
 *   CHECKOUT_BUG_AUTH_LENIENT     a malformed auth answer is treated as "allowed"
 */
import { createServer } from 'node:http';

const TIMEOUT_MS = 300;

export function createCheckout(env = process.env) {
  const urls = {
    auth: need(env, 'AUTH_URL'),
    payments: need(env, 'PAYMENTS_URL'),
    notify: need(env, 'NOTIFY_URL'),
  };
  const bugs = {
    paymentNoKey: Boolean(env.CHECKOUT_BUG_PAYMENT_NO_KEY),
    notifyFatal: Boolean(env.CHECKOUT_BUG_NOTIFY_FATAL),
    authLenient: Boolean(env.CHECKOUT_BUG_AUTH_LENIENT),
  };
  /** Notifications that could not be sent yet (a real service would persist and drain it). */
  const outbox = [];

  async function authorize(token) {
    let res;
    try {
      res = await call(`${urls.auth}/tokens/${encodeURIComponent(token)}`, { method: 'GET' });
    } catch {
      return { kind: 'unavailable' };
    }
    if (res.status === 401) return { kind: 'denied' };
    if (res.status !== 200) return { kind: 'unavailable' };
    const body = json(res);
    const valid = body !== undefined && body.active === true && typeof body.subject === 'string';
    if (valid) return { kind: 'allowed', subject: body.subject };
    // BUG (auth lenient): anything that is not an explicit "active: false" lets the user in.
    if (bugs.authLenient && body?.active !== false)
      return { kind: 'allowed', subject: String(body?.subject) };
    return body?.active === false ? { kind: 'denied' } : { kind: 'unavailable' };
  }

  async function charge(order) {
    const headers = { 'content-type': 'application/json', 'idempotency-key': order.orderId };
    const body = JSON.stringify({ orderId: order.orderId, amount: order.amount });
    for (let attempt = 1; attempt <= 2; attempt++) {
      // BUG (payment without key): the retry after a timeout is sent without the key.
      const h = bugs.paymentNoKey && attempt > 1 ? { 'content-type': 'application/json' } : headers;
      let res;
      try {
        res = await call(`${urls.payments}/charges`, { method: 'POST', headers: h, body });
      } catch {
        continue; // timeout or connection error: retry once
      }
      if (res.status === 201) {
        const out = json(res);
        if (out && typeof out.id === 'string') return { kind: 'charged', id: out.id };
        continue; // unreadable answer: ask again (the key makes it safe)
      }
      if (res.status === 402) return { kind: 'declined' };
      if (res.status === 429 || res.status >= 500) {
        const wait = Number(res.headers.get('retry-after') ?? '0');
        if (attempt < 2 && wait <= 1) await sleep(wait * 1000);
        continue;
      }
      return { kind: 'unavailable' };
    }
    return { kind: 'unavailable' };
  }

  async function notifyCustomer(order, chargeId) {
    const message = { to: order.email, template: 'order-confirmed', orderId: order.orderId, chargeId };
    try {
      const res = await call(`${urls.notify}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `notify-${order.orderId}` },
        body: JSON.stringify(message),
      });
      if (res.status === 202) return 'sent';
    } catch {
      // fall through to the outbox
    }
    // BUG (notify fatal): the outage fails the checkout although the customer was charged.
    if (bugs.notifyFatal) throw new Error('notify is down');
    outbox.push(message);
    return 'queued';
  }

  async function checkout(order) {
    const auth = await authorize(order.token);
    if (auth.kind === 'denied') return [401, { status: 'denied' }];
    if (auth.kind === 'unavailable') return [503, { status: 'unavailable', charged: false }];
    const payment = await charge(order);
    if (payment.kind === 'declined') return [402, { status: 'declined' }];
    if (payment.kind === 'unavailable') return [503, { status: 'unavailable', charged: false }];
    const notification = await notifyCustomer(order, payment.id);
    return [200, { status: 'confirmed', customer: auth.subject, chargeId: payment.id, notification }];
  }

  const server = createServer(async (req, res) => {
    let status = 500;
    let out = { status: 'error' };
    try {
      if (req.method === 'POST' && req.url === '/checkout') {
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        [status, out] = await checkout(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } else {
        status = 404;
        out = { status: 'not-found' };
      }
    } catch (err) {
      out = { status: 'error', message: String(err?.message ?? err) };
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(out));
  });
  return { server, outbox };
}

function need(env, name) {
  const value = env[name];
  if (!value) throw new Error(`checkout: ${name} is not set: expected the base URL of that dependency`);
  return value.replace(/\/$/, '');
}

/** One attempt, bounded by TIMEOUT_MS; the response body is read within it too. */
async function call(url, init) {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  const res = await fetch(url, { ...init, signal });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

function json(res) {
  try {
    return JSON.parse(res.text);
  } catch {
    return undefined;
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
