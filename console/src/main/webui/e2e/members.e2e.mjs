// 成员 in a real browser: the department administrator of 住建厅 (zjt.orgadmin, realm role org-admin) lists the
// department's members, adds a colleague with a role, disables them again; the same administrator is refused for
// another department through the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gateway, shot, signIn } from './browser.mjs';

// A platform that ran this test before holds the account of that run: this run's user name is unique.
const RUN = Date.now().toString(36);
const USERNAME = `e2e.${RUN}`;

test('a department administrator sees their department members and adds a colleague as 填报员', async () => {
  const page = await signIn('zjt.orgadmin');
  await page.getByRole('menuitem', { name: '成员' }).click();
  const panel = page.getByTestId('staff-panel');
  await panel.getByRole('cell', { name: 'zjt.reporter', exact: true }).waitFor();
  await shot(page, 'members-01-list');

  await page.getByTestId('staff-add').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('账号').fill(USERNAME);
  await dialog.getByLabel('姓').fill('王');
  await dialog.getByLabel('名').fill('测试');
  await dialog.getByLabel('初始密码').fill(`Pw-${RUN}-1`);
  await shot(page, 'members-02-add');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  const row = panel.getByRole('row').filter({ has: page.getByRole('cell', { name: USERNAME, exact: true }) });
  await row.waitFor();
  assert.match(await row.innerText(), /填报员/);
  assert.match(await row.innerText(), /启用/);
  await dialog.waitFor({ state: 'hidden' });
  await shot(page, 'members-03-added');
});

test('disabling the colleague marks them 已停用 and the change is in the record', async () => {
  const page = await signIn('zjt.orgadmin');
  await page.getByRole('menuitem', { name: '成员' }).click();
  const panel = page.getByTestId('staff-panel');
  await panel.getByTestId(`staff-disable-${USERNAME}`).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  const row = panel.getByRole('row').filter({ has: page.getByRole('cell', { name: USERNAME, exact: true }) });
  await row.getByText('已停用').waitFor();
  await page.getByText(new RegExp(`zjt\\.orgadmin 停用 ${USERNAME.replace('.', '\\.')}`)).waitFor();
  await shot(page, 'members-04-disabled');
});

test('the department administrator is refused for another department (FORBIDDEN)', async () => {
  const { organization } = await gateway('admin', 'query { organization(code: "nmg.zrzyt") { id } }');
  await assert.rejects(
    gateway('zjt.orgadmin', 'query($o: ID!) { staffMembers(organizationId: $o) { username } }', { o: organization.id }),
    /FORBIDDEN/,
  );
});
