// Calendar end to end: a hearing far from where the client lives raises the alert, the worker
// inside the server sends the reminder to a local SMTP sink (and SMS gateway) started here, staff
// record attendance, and the appearance report shows the rate. axe checks on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { BASE, DEMO, CM, launch, session, a11y, path, h1, tag, registerClient, openCase, closeCase } from '../tools/helpers.mjs';

const mails = [];
const texts = [];
let smtp;
let sms;
let browser;
const sockets = new Set();

/** A tiny SMTP server (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that keeps what it receives. */
function startSmtp(port) {
  return new Promise((ok) => {
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.setEncoding('utf8');
      let buffer = '';
      let inData = false;
      let data = '';
      let rcpt = [];
      socket.write('220 e2e sink\r\n');
      socket.on('data', (chunk) => {
        buffer += chunk;
        let i;
        while ((i = buffer.indexOf('\r\n')) >= 0) {
          const line = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          if (inData) {
            if (line === '.') {
              inData = false;
              mails.push({ to: rcpt, data });
              socket.write('250 OK\r\n');
            } else {
              data += (line.startsWith('.') ? line.slice(1) : line) + '\r\n';
            }
            continue;
          }
          const cmd = line.toUpperCase();
          if (cmd.startsWith('EHLO')) socket.write('250-e2e\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
          else if (cmd.startsWith('HELO')) socket.write('250 e2e\r\n');
          else if (cmd.startsWith('MAIL FROM')) { rcpt = []; socket.write('250 OK\r\n'); }
          else if (cmd.startsWith('RCPT TO')) { rcpt.push(line.slice(8).trim().replace(/[<>]/g, '')); socket.write('250 OK\r\n'); }
          else if (cmd === 'DATA') { inData = true; data = ''; socket.write('354 go on\r\n'); }
          else if (cmd === 'QUIT') { socket.end('221 bye\r\n'); }
          else socket.write('250 OK\r\n');
        }
      });
      socket.on('error', () => {});
    });
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

function startSms(port) {
  return new Promise((ok) => {
    const server = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        texts.push(JSON.parse(body));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sms-${texts.length}` }));
      });
    });
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

before(async () => {
  smtp = await startSmtp(Number(process.env.E2E_SMTP_PORT));
  sms = await startSms(Number(process.env.E2E_SMS_PORT));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  // The server's mail client keeps pooled connections open: end them so node can exit.
  for (const s of sockets) s.destroy();
  smtp?.close();
  sms?.closeAllConnections();
  sms?.close();
});

async function waitFor(what, check, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = check();
    if (found) return found;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('a far-away hearing: alert, reminder in the sink, attendance, appearance rate', async () => {
  const manager = await session(browser, CM.spare);
  const page = manager.page;
  const family = `Pérez ${tag()}`;
  const email = `darwin.${Date.now()}@example.org`;
  await registerClient(page, {
    'Given names': 'Darwin',
    'Family names': family,
    Phone: '+1 718 555 0142',
    Email: email,
    Address: '410 West 34th Street, New York, NY 10001',
  });
  const cases = page.locator('section[aria-labelledby="cases-h"]');
  await cases.getByLabel('Program').selectOption({ index: 0 });
  const casePath = await openCase(page);

  // Add the hearing: Houston, two days from now, 08:30 court time.
  await page.goto(`${BASE}${casePath}/events/new`);
  assert.equal(await h1(page), 'New hearing, check-in or appointment');
  await a11y(page, 'new event form');
  const when = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10) + 'T08:30';
  await page.getByLabel('Kind', { exact: true }).selectOption('hearing');
  await page.getByLabel('Type', { exact: true }).selectOption('master_calendar');
  await page.getByLabel('Court or office', { exact: true }).selectOption({ label: 'Houston Immigration Court (Houston, TX)' });
  await page.getByLabel('Date and time (local time at the court or office)').fill(when);
  await page.getByLabel('Judge', { exact: true }).fill('Hon. Example');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForLoadState('load');
  assert.match(path(page), /^\/events\/\d+$/);
  const alert = await page.locator('#event-alert').innerText();
  assert.match(alert, /miles from where the client lives now \(New York, NY\)/);
  assert.match(alert, /change venue/);
  await a11y(page, 'event page with alert');

  // The case and the dashboard show it too.
  await page.goto(BASE + casePath);
  assert.match(await page.locator('section[aria-labelledby="calendar-h"]').innerText(), /miles from where the client lives now/);
  await a11y(page, 'case with calendar section');
  await page.goto(`${BASE}/`);
  assert.match(await page.locator('#calendar-panel').innerText(), new RegExp(family));
  await a11y(page, 'dashboard with calendar panel');

  // The worker inside the server sends the two-day reminder to the sinks.
  const mail = await waitFor('the reminder email', () => mails.find((m) => m.to.includes(email)));
  assert.match(mail.data, /Subject: Reminder: Master calendar hearing/);
  assert.match(mail.data, /Houston Immigration Court/);
  assert.match(mail.data, /Idempotency-Key: reminder:\d+:\d+m:email/);
  const text = await waitFor('the reminder SMS', () => texts.find((t) => t.to === '+1 718 555 0142'));
  assert.match(text.body, /^Reminder: Master calendar hearing/);

  // The message is listed on the case with its status.
  await page.goto(BASE + casePath);
  await waitFor('the sent status', () => true);
  assert.match(await page.locator('section[aria-labelledby="calendar-h"]').innerText(), /Reminder: Master calendar hearing/);

  // Record attendance on the event.
  const eventLink = page.locator('section[aria-labelledby="calendar-h"] table a').first();
  await eventLink.click();
  await page.waitForLoadState('load');
  await page.getByLabel('Attended').check();
  await page.getByRole('button', { name: 'Record attendance' }).click();
  await page.waitForLoadState('load');
  assert.equal((await page.locator('#attendance').innerText()).trim(), 'Attended');

  // The appearance report counts it (the demo's past hearings are there too).
  const supervisor = await session(browser, DEMO('supervisor'));
  const to = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
  await supervisor.page.goto(`${BASE}/reports/appearance?to=${to}`);
  assert.equal(await h1(supervisor.page), 'Court appearance');
  const table = await supervisor.page.locator('#appearance').innerText();
  assert.match(table, /\d+\.\d%/);
  await a11y(supervisor.page, 'appearance report');

  // Administrators see every message in the outbox.
  const admin = await session(browser, DEMO('admin'));
  await admin.page.goto(`${BASE}/outbox`);
  assert.match(await admin.page.locator('#outbox').innerText(), new RegExp(email.replace(/\./g, '\\.')));
  await a11y(admin.page, 'outbox');
  await admin.page.goto(`${BASE}/calendar`);
  await a11y(admin.page, 'calendar');

  await closeCase(page, casePath);
});
