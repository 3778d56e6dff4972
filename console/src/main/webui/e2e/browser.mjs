// What every browser test shares: the platform's addresses (system-tests' ConsoleIT starts `./platform up` and
// passes CONSOLE_URL, GATEWAY_URL, KEYCLOAK_URL, SCREENSHOT_DIR, CHROMIUM and the ids of the data it created), the
// system's chromium, real Keycloak logins typed into Keycloak's own login page, screenshots, and the gateway as a
// demo user (password grant of the dev realm) for the data a test needs before its screens.
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (ConsoleIT sets it)`);
  return value;
};
export const CONSOLE_URL = env('CONSOLE_URL');
export const GATEWAY_URL = env('GATEWAY_URL');
export const KEYCLOAK_URL = env('KEYCLOAK_URL');
export const SHOTS = env('SCREENSHOT_DIR');
mkdirSync(SHOTS, { recursive: true });

let browser;
/** The pages of the users signed in so far, by user name. */
export const sessions = {};

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--lang=zh-CN'],
  });
});

after(async () => {
  await browser?.close();
});

// A test that failed in CI leaves only a timeout in the log; what each signed-in user saw then, and the errors the
// gateway answered their browser, say why.
afterEach(async (t) => {
  if (t.passed) return;
  const name = t.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
  for (const [user, page] of Object.entries(sessions)) {
    if (page.isClosed()) continue;
    await page.screenshot({ path: join(SHOTS, `failed-${name}-${user}.png`), fullPage: true }).catch(() => {});
    const alerts = await page.locator('.ant-alert-error, .ant-message-error, .ant-form-item-explain-error').allInnerTexts().catch(() => []);
    console.log(`[${user}] ${page.url()}${alerts.length ? ` shows: ${alerts.join(' | ')}` : ''}`);
  }
});

/** Prints the GraphQL errors the gateway answers a browser: the cause when a screen waits in vain. */
function logGraphQLErrors(page, user) {
  page.on('response', async (response) => {
    if (!new URL(response.url()).pathname.endsWith('/graphql') || response.request().method() !== 'POST') return;
    const body = await response.json().catch(() => null);
    // The persisted-query handshake's first answer (the client then sends the whole document) is no error to report.
    const errors = (body?.errors ?? []).filter((e) => e.extensions?.code !== 'PERSISTED_QUERY_NOT_FOUND');
    if (!errors.length) return;
    const operation = response.request().postDataJSON()?.operationName ?? '';
    console.log(`[${user}] ${operation}: ${errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ')}`);
  });
}

export async function shot(page, name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  // Finishes antd's menu and dialog transitions, so a shot never shows one half faded (two menu items lit, a closing dialog).
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** A user's own browser session: opens the console, is sent to Keycloak, types user name and password there. */
export async function signIn(user, screenshot) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  logGraphQLErrors(page, user);
  await page.goto(CONSOLE_URL);
  await page.waitForSelector('#username');
  assert.match(page.url(), /\/realms\/planning\/protocol\/openid-connect\/auth/);
  if (screenshot) await shot(page, screenshot);
  await page.fill('#username', user);
  await page.fill('#password', user);
  await page.click('#kc-login');
  await page.waitForURL((url) => url.href.startsWith(CONSOLE_URL) && !url.pathname.startsWith('/auth/'));
  await page.getByTestId('current-user').waitFor();
  sessions[user] = page;
  return page;
}

/** A GraphQL operation through the gateway as a demo user (password = user name); answers `data`, throws on errors. */
export async function gateway(user, query, variables = {}) {
  const form = new URLSearchParams({ grant_type: 'password', client_id: 'planning-web', username: user, password: user });
  const token = await fetch(`${KEYCLOAK_URL}/realms/planning/protocol/openid-connect/token`, { method: 'POST', body: form })
    .then((r) => r.json())
    .then((t) => t.access_token);
  const answer = await fetch(GATEWAY_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  }).then((r) => r.json());
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
}

/**
 * 督查看板's plan picker: types part of the title and clicks the plan offered (the server searches after a pause in
 * typing; Enter before the option came would choose nothing), then waits until the page shows that one plan.
 */
export async function choosePlan(page, title) {
  await page.getByTestId('plan-select').click();
  await page.keyboard.type(title);
  await page.locator('.ant-select-item-option', { hasText: title }).first().click();
  await page.getByTestId('overdue').locator('th', { hasText: '所属规划' }).waitFor({ state: 'detached' });
}
