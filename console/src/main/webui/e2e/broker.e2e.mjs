// 统一身份认证 (brokered login, issue 20) in a real browser: ConsoleIT starts the platform with PLATFORM_GOV_IDP=on,
// so Keycloak also runs the realm gov-idp playing the government's identity provider. Its users are unknown to the
// realm planning: on first login Keycloak creates them there and org-service's mappers put them in the group their
// upstream org_code (or org_name) names, as 填报员. One whose organization nobody knows signs in but sees no data
// until an administrator places them on 成员's API. The data is this file's own, created as admin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CONSOLE_URL, GATEWAY_URL, gateway, shot } from './browser.mjs';

const STAMP = `统一认证${Date.now().toString(36)}`;
const now = new Date();
const PERIOD = `${now.getFullYear()}Q${Math.floor(now.getMonth() / 3) + 1}`;
const ids = {};
let browser;

before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--lang=zh-CN'] });
  // org-service adds the identity provider's mappers after the groups, in the background after its start: the
  // admin's reconcile waits for a run under way and runs once more, so every organization's mapper is there.
  // Two providers (OpenID Connect and SAML) make about a thousand mappers on a fresh realm: a run the gateway stops
  // waiting for keeps what it made, and the next one finishes it.
  for (let attempt = 1; ; attempt++) {
    try {
      await gateway('admin', 'mutation { reconcileKeycloakGroups { unchanged } }');
      break;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
  const org = async (code) => (await gateway('admin', 'query($c: String!) { organization(code: $c) { id name } }', { c: code })).organization;
  const [nmg, zjt, zrzyt, fgw] = [await org('nmg'), await org('nmg.zjt'), await org('nmg.zrzyt'), await org('nmg.fgw')];
  Object.assign(ids, { zjt: zjt.id, zrzyt: zrzyt.id, fgw: fgw.id });
  ids.plan = (
    await gateway('admin', 'mutation($i: ID!, $t: String!) { createPlan(input: { title: $t, kind: ACTION_PLAN, issuerId: $i }) { id } }', {
      i: nmg.id,
      t: `${STAMP}数字政府建设方案`,
    })
  ).createPlan.id;
  const task = async (lead, title) =>
    (
      await gateway('admin', 'mutation($p: ID!, $l: ID!, $t: String!) { createTask(planId: $p, input: { title: $t, leadOrgIds: [$l], deadline: "2030-12-31" }) { id } }', {
        p: ids.plan,
        l: lead,
        t: title,
      })
    ).createTask.id;
  ids.zjtTask = await task(zjt.id, `${STAMP}住建厅牵头任务`);
  ids.zrzytTask = await task(zrzyt.id, `${STAMP}自然资源厅牵头任务`);
  ids.fgwTask = await task(fgw.id, `${STAMP}发展改革委牵头任务`);
});

// This file's own browser (browser.mjs's is not exported): closed, or node would wait for it for ever.
after(async () => {
  await browser?.close();
});

/**
 * Opens the console, chooses the identity provider on planning's login page (「统一身份认证」 over OpenID Connect, or
 * its SAML twin) and signs in on the upstream realm's page.
 */
async function signInUpstream(user, screenshot, provider = '统一身份认证') {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(CONSOLE_URL);
  await page.waitForSelector('#username');
  assert.match(page.url(), /\/realms\/planning\//);
  if (screenshot) await shot(page, screenshot);
  await page.getByRole('link', { name: provider, exact: true }).click();
  await page.waitForURL(/\/realms\/gov-idp\//);
  await page.fill('#username', user);
  await page.fill('#password', user);
  await page.click('#kc-login');
  await page.waitForURL((url) => url.href.startsWith(CONSOLE_URL) && !url.pathname.startsWith('/auth/'));
  await page.getByTestId('current-user').waitFor();
  return page;
}

/** A GraphQL operation through the gateway with the signed-in console's own token. */
function asUser(page, query, variables = {}) {
  return page.evaluate(
    async ({ url, query, variables }) => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
      const token = JSON.parse(sessionStorage.getItem(key)).access_token;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    { url: GATEWAY_URL, query, variables },
  );
}

const REPORT = 'mutation($t: ID!, $o: ID!, $p: String!) { submitProgressReport(taskId: $t, orgId: $o, period: $p, percent: 20, summary: "统一身份认证用户报送") { id } }';

test('a government account unknown to the platform lands in 住建厅 by its org_code and reports on its tasks only', async () => {
  const page = await signInUpstream('gov.zjt.li', 'broker-01-login-page');
  await shot(page, 'broker-02-signed-in');
  const me = await asUser(page, '{ me { username roles orgs { code } } }');
  assert.deepEqual(me.data.me.orgs.map((o) => o.code), ['nmg.zjt'], JSON.stringify(me));
  assert.ok(me.data.me.roles.includes('reporter'), JSON.stringify(me));

  const own = await asUser(page, REPORT, { t: ids.zjtTask, o: ids.zjt, p: PERIOD });
  assert.equal(own.errors, undefined, JSON.stringify(own));
  assert.ok(own.data.submitProgressReport.id);

  const other = await asUser(page, REPORT, { t: ids.zrzytTask, o: ids.zrzyt, p: PERIOD });
  assert.equal(other.errors?.[0]?.extensions?.code, 'FORBIDDEN', JSON.stringify(other));
  const { task } = await gateway('admin', 'query($id: ID!) { task(id: $id) { reports { summary } } }', { id: ids.zrzytTask });
  assert.equal((task.reports ?? []).length, 0, 'nothing was written on the other department’s task');

  await page.goto(`${CONSOLE_URL}/tasks/${ids.zjtTask}`);
  await page.getByText('统一身份认证用户报送').first().waitFor();
  await shot(page, 'broker-03-own-task-reported');
});

test('an account whose department name is known lands in that department', async () => {
  const page = await signInUpstream('gov.zrzyt.wang');
  const me = await asUser(page, '{ me { orgs { code } } }');
  assert.deepEqual(me.data.me.orgs.map((o) => o.code), ['nmg.zrzyt'], JSON.stringify(me));
});

test('a government account signing in over SAML lands in 发展改革委 by its org_code attribute and reports for it only', async () => {
  const page = await signInUpstream('gov.fgw.zhou', null, '统一身份认证（SAML）');
  await shot(page, 'broker-05-saml-signed-in');
  const me = await asUser(page, '{ me { username roles orgs { code } } }');
  assert.equal(me.data.me.username, 'gov.fgw.zhou');
  assert.deepEqual(me.data.me.orgs.map((o) => o.code), ['nmg.fgw'], JSON.stringify(me));
  assert.ok(me.data.me.roles.includes('reporter'), JSON.stringify(me));
  const own = await asUser(page, REPORT, { t: ids.fgwTask, o: ids.fgw, p: PERIOD });
  assert.equal(own.errors, undefined, JSON.stringify(own));
  const other = await asUser(page, REPORT, { t: ids.zjtTask, o: ids.zjt, p: PERIOD });
  assert.equal(other.errors?.[0]?.extensions?.code, 'FORBIDDEN', JSON.stringify(other));
});

test('an account of an unknown organization signs in but sees no data until an administrator places it', async () => {
  let page = await signInUpstream('gov.unknown.zhao');
  const notice = page.getByTestId('pending-account');
  await notice.waitFor();
  assert.match(await notice.innerText(), /账号待分配[\s\S]*联系本单位管理员/);
  await shot(page, 'broker-04-pending');
  const plans = await asUser(page, '{ plans(first: 5) { totalCount } }');
  assert.equal(plans.errors?.[0]?.extensions?.code, 'FORBIDDEN', JSON.stringify(plans));
  assert.match(plans.errors[0].message, /待分配/);
  assert.equal(plans.data ?? null, null);

  await gateway('admin', 'mutation($o: ID!) { addStaffMember(organizationId: $o, input: { username: "gov.unknown.zhao", roles: [REPORTER] }) { username } }', {
    o: ids.zrzyt,
  });
  await page.context().close();
  page = await signInUpstream('gov.unknown.zhao');
  const placed = await asUser(page, '{ me { orgs { code } } plans(first: 5) { totalCount } }');
  assert.equal(placed.errors, undefined, JSON.stringify(placed));
  assert.deepEqual(placed.data.me.orgs.map((o) => o.code), ['nmg.zrzyt']);
  assert.ok(placed.data.plans.totalCount >= 1);
  await page.locator('[data-testid="current-user"] .ant-tag').first().waitFor();
  assert.equal(await page.getByTestId('pending-account').count(), 0, 'the placed account sees the app, not the notice');
});
