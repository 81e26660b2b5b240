/**
 * End-to-end test of the checkout example: one checkout through the real service against
 * its three dependencies, at AUTH_URL, PAYMENTS_URL and NOTIFY_URL (fake providers are
 * started here when those are unset). Exit 0 = pass, 1 = fail (with the reason).
 *
 * What it holds the service to, whatever its dependencies do:
 *   - a confirmed checkout names the authenticated customer (user-42) and a charge;
 *   - anything else is a clean refusal: 401 denied, 402 declined or 503 unavailable with
 *     charged: false. Never a 5xx error after the customer was charged.
 *
 * Run it: node examples/checkout/test/checkout.e2e.mjs
 */
import { once } from 'node:events';
import { startProviders } from '../providers/start-providers.mjs';
import { createCheckout } from '../service.mjs';

const env = { ...process.env };
let providers;
if (!env.AUTH_URL || !env.PAYMENTS_URL || !env.NOTIFY_URL) {
  providers = await startProviders();
  env.AUTH_URL ??= providers.urls.auth;
  env.PAYMENTS_URL ??= providers.urls.payments;
  env.NOTIFY_URL ??= providers.urls.notify;
}
const { server } = createCheckout(env);
server.listen(0, '127.0.0.1');
await once(server, 'listening');

const failures = [];
try {
  const res = await fetch(`http://127.0.0.1:${server.address().port}/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token: 'tok-valid',
      orderId: 'order-1001',
      amount: 4200,
      email: 'ada@example.com',
    }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await res.json();
  console.log(`checkout answered ${res.status} ${JSON.stringify(body)}`);
  if (res.status === 200) {
    if (body.status !== 'confirmed') failures.push(`200 without status "confirmed"`);
    if (body.customer !== 'user-42')
      failures.push(`confirmed for customer ${JSON.stringify(body.customer)}, not the authenticated user-42`);
    if (typeof body.chargeId !== 'string') failures.push('confirmed without a charge');
  } else if (res.status === 503) {
    if (body.status !== 'unavailable' || body.charged !== false)
      failures.push('503 that is not a clean "unavailable, not charged"');
  } else if (res.status !== 401 && res.status !== 402) {
    failures.push(`unexpected answer ${res.status}: the checkout must confirm or refuse cleanly`);
  }
} catch (err) {
  failures.push(`the checkout did not answer: ${err.message}`);
} finally {
  server.closeAllConnections();
  server.close();
  await providers?.close();
}
for (const f of failures) console.error(`FAIL ${f}`);
process.exitCode = failures.length ? 1 : 0;
