// 组织机构 in a real browser: an admin finds the province in the tree, creates a department under it (stopped once
// by the code check), renames it keeping the old name as an alias, finds it again by the old name, and reads its
// history; a viewer has no such screen. Names carry a stamp, so runs on a platform with earlier data never collide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_URL, gateway, sessions, shot, signIn } from './browser.mjs';

const STAMP = Date.now().toString(36);
const CODE = `nmg.e2e${STAMP}`;
const NAME = `浏览器测试局${STAMP}`;
const RENAMED = `自治区浏览器测试管理局${STAMP}`;
const save = (page) => page.getByRole('dialog').getByRole('button', { name: /保\s*存/ });

test('an admin opens 组织机构 from the menu and sees the organization tree', async () => {
  const page = await signIn('admin');
  await page.getByRole('menuitem', { name: '组织机构' }).click();
  await page.waitForURL(`${CONSOLE_URL}/organizations`);
  await page.getByTestId('org-node-nmg').click();
  await page.getByTestId('org-name').filter({ hasText: '内蒙古自治区人民政府' }).waitFor();
  // its departments load when the node is opened
  await page.locator('.ant-tree-treenode', { has: page.getByTestId('org-node-nmg') }).locator('.ant-tree-switcher').click();
  await page.getByTestId('org-node-nmg.zjt').waitFor();
  await shot(page, 'organizations-01-tree');
});

test('the admin creates a department under the province; a malformed code is refused in Chinese first', async () => {
  const page = sessions.admin;
  await page.getByRole('button', { name: '新建下级机构' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('机构代码', { exact: true }).fill('NMG.测试');
  await dialog.getByLabel('名称（全称）').fill(NAME);
  await save(page).click();
  await dialog.getByText('机构代码只能由小写字母和数字组成，用“.”或“-”分隔，如 nmg.zrzyt').waitFor();
  await shot(page, 'organizations-02-create-validation');

  await dialog.getByLabel('机构代码', { exact: true }).fill(CODE);
  await dialog.getByLabel('简称').fill('测试局');
  await save(page).click();
  await page.getByText(`已创建“${NAME}”`).waitFor();
  await page.getByTestId('org-name').filter({ hasText: NAME }).waitFor();
  await page.getByTestId(`org-node-${CODE}`).waitFor();
  assert.match(await page.getByTestId('org-detail').innerText(), new RegExp(CODE.replace('.', '\\.')));
  await shot(page, 'organizations-03-created');
});

test('the admin renames it; the old name becomes an alias, the history shows the change, the API has it', async () => {
  const page = sessions.admin;
  await page.getByTestId('org-rename').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('名称（全称）').fill(RENAMED);
  assert.ok(await dialog.getByLabel('将原名称加入别名（以便按旧名称查找）').isChecked());
  await shot(page, 'organizations-04-rename');
  await save(page).click();
  await page.getByText('已保存').first().waitFor();
  await page.getByTestId('org-name').filter({ hasText: RENAMED }).waitFor();
  await page.getByTestId('org-aliases').getByText(NAME).waitFor();
  await page.getByTestId(`org-node-${CODE}`).filter({ hasText: RENAMED }).waitFor();
  const history = page.getByTestId('org-history');
  await history.getByText('修改').waitFor();
  assert.match(await history.innerText(), new RegExp(`名称：${NAME} → ${RENAMED}`));
  await shot(page, 'organizations-05-renamed');

  const { organization } = await gateway('admin', 'query($code: String!) { organization(code: $code) { name aliases parent { code } } }', { code: CODE });
  assert.deepEqual(organization, { name: RENAMED, aliases: [NAME], parent: { code: 'nmg' } });
});

test('searching the old name finds the renamed organization', async () => {
  const page = sessions.admin;
  const search = page.getByPlaceholder('搜索名称、简称、别名、代码或曾用名');
  await search.fill(NAME);
  await search.press('Enter');
  const results = page.getByTestId('org-search-results');
  await results.getByText(RENAMED).waitFor();
  await shot(page, 'organizations-06-search-old-name');
});

test('a viewer has no 组织机构 in the menu and is refused the screen', async () => {
  const page = await signIn('viewer');
  await page.getByRole('menuitem', { name: '规划' }).waitFor();
  assert.equal(await page.getByRole('menuitem', { name: '组织机构' }).count(), 0);
  await page.goto(`${CONSOLE_URL}/organizations`);
  await page.getByText('仅管理员可以管理组织机构。').waitFor();
});
