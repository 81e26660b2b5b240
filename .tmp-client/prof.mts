import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Pool } from '/work/main/node_modules/undici/index.js';
import { createClient } from '/work/main/src/client/create-client.ts';
const proc = spawn(process.execPath, ['--import', 'tsx', '/work/main/bench/support/client-bench-upstream.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: proc.stdout! });
const [line] = (await once(lines, 'line')) as [string];
const url = `http://127.0.0.1:${JSON.parse(line).port}`;
const mode = process.argv[2];
let call: () => Promise<unknown>;
if (mode === 'raw') {
  const pool = new Pool(url, { connections: 16 });
  call = async () => { const r = await pool.request({ method: 'GET', path: '/v1/x' }); await r.body.arrayBuffer(); };
} else {
  const c = createClient({ service: 'b', baseUrl: url, connections: 16, timeoutMs: 1000, retry: mode === 'bare' ? false : { maxAttempts: 3 }, breaker: mode === 'bare' ? false : { failureThreshold: 5 } });
  call = () => c.request({ path: '/v1/x' });
}
for (const round of [0, 1, 2]) {
  let done = 0; const t0 = performance.now(); const c0 = process.cpuUsage();
  await Promise.all(Array.from({ length: 32 }, async () => { while (performance.now() - t0 < 3000) { await call(); done++; } }));
  const cu = process.cpuUsage(c0);
  console.log(mode, round, Math.round(done / ((performance.now() - t0) / 1000)), 'cpu us/req', ((cu.user + cu.system) / done).toFixed(1));
}
proc.stdin!.end(); process.exit(0);
