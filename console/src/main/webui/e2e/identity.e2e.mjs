// 待分配账号 in a real browser (issue 20): a directory user whose department the platform does not know
// (dir.unknown.sun, keycloak/ldap/directory.ldif) signs in and belongs to no organization; the admin finds the account
// on 成员 under 待分配账号, places it in 住建厅 as 填报员, and the account's next token carries 住建厅.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GATEWAY_URL, KEYCLOAK_URL, gateway, shot, signIn } from './browser.mjs';

const USER = 'dir.unknown.sun';

/** A fresh token of the directory user (their directory password is their user name) and what the gateway says. */
async function asDirectoryUser(query) {
  const form = new URLSearchParams({ grant_type: 'password', client_id: 'planning-web', username: USER, password: USER });
  const token = await fetch(`${KEYCLOAK_URL}/realms/planning/protocol/openid-connect/token`, { method: 'POST', body: form })
    .then((r) => r.json())
    .then((t) => t.access_token);
  assert.ok(token, `${USER} signs in with their directory password`);
  return fetch(GATEWAY_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  }).then((r) => r.json());
}

test('an administrator places a directory account waiting for an organization from 成员', async () => {
  const before = await asDirectoryUser('{ me { orgs { code } } plans(first: 1) { totalCount } }');
  assert.equal(before.errors?.[0]?.extensions?.code, 'FORBIDDEN', JSON.stringify(before));
  // org-service records an account waiting for an organization from its sign-in (every 5 s): wait for that, up to 60 s.
  for (let attempt = 0; attempt < 30; attempt++) {
    const { pendingAccounts } = await gateway('admin', '{ pendingAccounts { account { username } } }');
    if (pendingAccounts.some((p) => p.account.username === USER)) break;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }

  const page = await signIn('admin');
  await page.getByRole('menuitem', { name: '成员' }).click();
  const card = page.getByTestId('pending-accounts');
  const row = card.getByRole('row').filter({ has: page.getByRole('cell', { name: USER, exact: true }) });
  await row.waitFor();
  await shot(page, 'identity-01-pending');

  await row.getByTestId(`pending-place-${USER}`).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('归属机构').click();
  await dialog.getByLabel('归属机构').fill('住房和城乡建设厅');
  await page.locator('.ant-select-item-option', { hasText: /^内蒙古自治区住房和城乡建设厅$/ }).click();
  await shot(page, 'identity-02-place');
  await dialog.getByTestId('pending-place-submit').click();
  await page.getByText(`已将 ${USER} 分配到 内蒙古自治区住房和城乡建设厅`).waitFor();
  await row.waitFor({ state: 'detached' });
  await shot(page, 'identity-03-placed');

  const after = await asDirectoryUser('{ me { orgs { code } roles } plans(first: 1) { totalCount } }');
  assert.equal(after.errors, undefined, JSON.stringify(after));
  assert.deepEqual(after.data.me.orgs.map((o) => o.code), ['nmg.zjt']);
  assert.ok(after.data.me.roles.includes('reporter'), JSON.stringify(after));
});
