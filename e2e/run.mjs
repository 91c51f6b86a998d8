// End-to-end runner: starts an OpenID provider (tools/oidc-provider.mjs, for single sign-on)
// and a Sendero server on a fresh database, runs tests/*.test.mjs with
// node's test runner (one file at a time), stops the server and cleans up, and exits with the
// tests' exit code.
//
//   node run.mjs                    # fresh SQLite file in a temp dir
//   E2E_DB=postgres node run.mjs    # fresh PostgreSQL database (dropped afterwards)
//
// Environment: SENDERO_BIN (default ../target/debug/sendero), E2E_PG_URL (default
// postgres://postgres@127.0.0.1:5432), E2E_KEEP=1 keeps the temp dir and server log.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, openSync, closeSync, readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(here, process.env.SENDERO_BIN || '../target/debug/sendero');
const backend = (process.env.E2E_DB || 'sqlite').toLowerCase();
const pgBase = (process.env.E2E_PG_URL || 'postgres://postgres@127.0.0.1:5432').replace(/\/$/, '');
const log = (...a) => console.log(`[e2e ${backend}]`, ...a);

if (!existsSync(bin)) {
  console.error(`Sendero binary not found at ${bin}. Build it with: cargo build -p sendero-cli (or set SENDERO_BIN).`);
  process.exit(2);
}
if (backend !== 'sqlite' && backend !== 'postgres') {
  console.error(`E2E_DB must be sqlite or postgres, not ${backend}`);
  process.exit(2);
}

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

function psql(sql) {
  const url = new URL(pgBase);
  const r = spawnSync('psql', ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres'),
    '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql failed (${sql}): ${r.stderr || r.error}`);
}

// The server gets its settings from flags only; drop any SENDERO_* settings from the caller.
function serverEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('SENDERO_') && k !== 'SENDERO_LOG') delete env[k];
  // Every test signs in from 127.0.0.1: the per-address sign-in limit would throttle the suite.
  env.SENDERO_RATE_LIMIT_SIGNIN = '10000';
  env.SENDERO_RATE_LIMIT_PUBLIC = '10000';
  return env;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts tools/oidc-provider.mjs; resolves with its issuer once it says it is ready. */
function startProvider(port, redirectUri, secret) {
  return new Promise((ok, fail) => {
    provider = spawn(process.execPath, [join(here, 'tools', 'oidc-provider.mjs'), '--port', String(port),
      '--redirect-uri', redirectUri, '--client-id', 'sendero', '--client-secret', secret], { cwd: here, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`OpenID provider not ready after 30 s:\n${out}${err}`)), 30_000);
    provider.stderr.on('data', (d) => { err += d; });
    provider.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/^issuer=(\S+)$/m);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    provider.on('exit', (code) => { clearTimeout(timer); fail(new Error(`OpenID provider exited (${code}):\n${out}${err}`)); });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'sendero-e2e-'));
let server = null;
let serverExited = null;
let provider = null;
let pgDb = null;
let cleaned = false;

async function stopServer() {
  if (!server || serverExited) return;
  server.kill('SIGTERM');
  for (let i = 0; i < 50 && !serverExited; i++) await sleep(100);
  if (!serverExited) { server.kill('SIGKILL'); await sleep(200); }
}

async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await stopServer();
  if (provider && provider.exitCode === null) provider.kill('SIGTERM');
  if (pgDb) {
    try { psql(`DROP DATABASE IF EXISTS ${pgDb} WITH (FORCE)`); } catch (e) { console.error(String(e)); }
  }
  if (process.env.E2E_KEEP) log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => { await cleanup(); process.exit(130); });
}

async function main() {
  const started = Date.now();
  const port = await freePort();
  // Local mail and SMS sinks for the worker inside the server; tests/calendar.test.mjs listens there.
  const [smtpPort, smsPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  // Single sign-on: a real OpenID Provider (tools/oidc-provider.mjs), started first because the
  // server needs its issuer and it needs the server's redirect URI (ports are picked first).
  const oidcPort = await freePort();
  const oidcSecret = randomBytes(16).toString('hex');
  const issuer = await startProvider(oidcPort, `${base}/auth/oidc/callback`, oidcSecret);
  log(`OpenID provider ${issuer}`);
  let databaseUrl;
  if (backend === 'postgres') {
    pgDb = `sendero_e2e_${randomBytes(6).toString('hex')}`;
    psql(`CREATE DATABASE ${pgDb}`);
    databaseUrl = `${pgBase}/${pgDb}`;
  } else {
    databaseUrl = `sqlite://${join(dir, 'sendero.db')}`;
  }
  log(`server ${bin} on ${base}, database ${databaseUrl}`);

  const logPath = join(dir, 'server.log');
  const logFd = openSync(logPath, 'a');
  server = spawn(bin, ['--database-url', databaseUrl, '--key-file', join(dir, 'sendero.key'),
    'serve', '--demo', '--bind', `127.0.0.1:${port}`,
    '--oidc-issuer', issuer, '--oidc-client-id', 'sendero', '--oidc-label', 'Sendero Test ID', '--public-url', base], {
    stdio: ['ignore', logFd, logFd],
    env: { ...serverEnv(), SENDERO_OIDC_CLIENT_SECRET: oidcSecret, SENDERO_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SENDERO_SMS_URL: `http://127.0.0.1:${smsPort}/sms`, SENDERO_WORKER_POLL_MS: '500' },
  });
  closeSync(logFd);
  server.on('exit', (code, signal) => { serverExited = { code, signal }; });

  // Wait for /healthz (demo seeding takes a few seconds).
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (serverExited) throw new Error(`server exited early (${JSON.stringify(serverExited)}):\n${readFileSync(logPath, 'utf8')}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`server not healthy after 120 s:\n${readFileSync(logPath, 'utf8')}`);
    await sleep(200);
  }
  log(`server healthy after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const testsDir = join(here, 'tests');
  const only = process.env.E2E_ONLY; // substring filter on file names, for development
  const files = readdirSync(testsDir).filter((f) => f.endsWith('.test.mjs') && (!only || f.includes(only))).sort()
    .map((f) => join('tests', f));
  const code = await new Promise((ok) => {
    const child = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=tap', ...files], {
      cwd: here,
      stdio: 'inherit',
      env: { ...process.env, SENDERO_BASE_URL: base, E2E_OIDC_ISSUER: issuer, E2E_DB: backend, E2E_TMP: dir, E2E_SMTP_PORT: String(smtpPort), E2E_SMS_PORT: String(smsPort) },
    });
    child.on('exit', (c, s) => ok(c ?? (s ? 1 : 0)));
  });
  if (code !== 0) {
    const text = readFileSync(logPath, 'utf8');
    const lines = text.split('\n').filter((l) => /error|panic/i.test(l)).slice(-40);
    if (lines.length) log(`server log (errors):\n${lines.join('\n')}`);
  }
  if (serverExited) log(`warning: server exited during the tests: ${JSON.stringify(serverExited)}`);
  log(`tests exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (e) {
  console.error(`[e2e ${backend}]`, e.message || e);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
