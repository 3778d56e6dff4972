// 导入 in a real browser: an administrator pastes a plan document whose issuer the platform does not know, sees what
// was understood with the issuer marked unresolved (saving blocked), picks the issuer, reviews what was understood, saves a draft and publishes it; a viewer is offered
// neither 导入 nor 发布.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSOLE_URL, gateway, sessions, shot, signIn } from './browser.mjs';

/** The repository's sample documents (`samples/`), as the Java tests find them. */
function samplesFolder() {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'samples', 'README.md'))) return join(dir, 'samples');
  }
  throw new Error('the samples/ folder was not found above the console');
}

// The synthetic sample (示例市, fictional reference data org-service ships) with a document number of this run: a
// number identifies one plan, and a published plan is never overwritten by another import of it.
// (The parser reads numbers of up to four digits; the year varies too, so that reruns rarely meet.)
const RUN = Math.floor(Date.now() / 1000);
const DOC_NUMBER = `示政办发〔${2030 + (RUN % 70)}〕${1000 + (Math.floor(RUN / 70) % 9000)}号`;
const TEXT = readFileSync(join(samplesFolder(), 'synthetic-breakdown-table.txt'), 'utf8')
  .replace('示政办发〔2025〕12号', DOC_NUMBER)
  // An issuer org-service does not know, so that the user has to choose it.
  .replaceAll('示例市人民政府办公室', '示例新区管理委员会办公室');

let planId;

test('an administrator opens 导入 from the menu and pastes a document', async () => {
  const page = await signIn('admin');
  await page.getByRole('menuitem', { name: /导入/ }).click();
  await page.waitForURL(`${CONSOLE_URL}/import`);
  await page.getByText(/支持 Word（.docx）、PDF/).waitFor();
  await page.getByLabel('文件文本').fill(TEXT);
  await shot(page, 'import-01-pasted');
});

test('an issuer the platform does not know is shown unresolved and blocks saving; choosing it lets the plan be saved', async () => {
  const page = sessions.admin;
  await page.getByRole('button', { name: /解\s*析/ }).click();
  await page.getByTestId('import-issuer-missing').waitFor();
  assert.match(await page.getByTestId('import-issuer').innerText(), /示例新区管理委员会办公室（未识别）/);
  assert.ok(await page.getByText('识别出 4 项任务').isVisible(), 'the dry run shows what it understood');
  assert.ok(await page.getByTestId('import-save').isDisabled());
  await shot(page, 'import-02-issuer-unresolved');

  await page.getByLabel('发文机关').click();
  await page.getByLabel('发文机关').fill('示例市人民政府办公室');
  await page.locator('.ant-select-item-option', { hasText: /^示例市人民政府办公室$/ }).click();
  await page.getByRole('button', { name: /解\s*析/ }).click();
  // the review of the first dry run stays until the new answer replaces it
  await page.getByTestId('import-issuer-missing').waitFor({ state: 'detached' });
  await page.getByTestId('import-review').waitFor();
});

test('the review shows the document number, the issuer chosen, units resolved in green and the table adding up', async () => {
  const page = sessions.admin;
  assert.equal(await page.getByTestId('import-doc-number').innerText(), DOC_NUMBER);
  assert.match(await page.getByTestId('import-issuer').innerText(), /示例市人民政府办公室[\s\S]*示例新区管理委员会办公室/);
  const resolved = page.locator('[data-testid="org-match"][data-resolved="true"]');
  assert.ok((await resolved.count()) >= 4, 'lead units and regions resolve in the issuer\'s city');
  await page.getByText('示例市住房和城乡建设局').first().waitFor();
  assert.equal(await page.getByTestId('import-table').getAttribute('data-totals-match'), 'true');
  assert.ok(await page.getByText('识别出 4 项任务').isVisible());
  await shot(page, 'import-03-review');
});

test('保存为草稿 saves the plan and opens it as a draft; 发布 after confirming publishes it', async () => {
  const page = sessions.admin;
  await page.getByTestId('import-save').click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  planId = page.url().split('/').pop();
  await page.locator('[data-testid="plan-status"][data-status="DRAFT"]').waitFor();
  assert.match(await page.getByTestId('plan-title').innerText(), /老旧小区改造三年行动任务分工方案/);
  await page.getByText(DOC_NUMBER).waitFor();
  await shot(page, 'import-04-draft');

  await page.getByTestId('plan-publish').click();
  const confirm = page.locator('.ant-popover', { hasText: '发布该规划？' });
  await confirm.waitFor();
  await shot(page, 'import-05-publish-confirm');
  await confirm.getByRole('button', { name: /发\s*布/ }).click();
  await page.locator('[data-testid="plan-status"][data-status="PUBLISHED"]').waitFor();
  assert.equal(await page.getByTestId('plan-publish').count(), 0);
  await shot(page, 'import-06-published');

  const { plan } = await gateway('viewer', 'query($id: ID!) { plan(id: $id) { status docNumber issuer { code } tasks { totalCount } } }', { id: planId });
  assert.deepEqual(plan, { status: 'PUBLISHED', docNumber: DOC_NUMBER, issuer: plan.issuer, tasks: { totalCount: 4 } });
  assert.match(plan.issuer.code, /^sl\./);
});

test('a viewer has no 导入 in the menu, is refused at /import and sees no 发布 on the plan', async () => {
  const page = await signIn('viewer');
  assert.equal(await page.getByRole('menuitem', { name: /导入/ }).count(), 0);
  await page.goto(`${CONSOLE_URL}/import`);
  await page.getByText('只有管理员和规划管理人员可以导入规划。').waitFor();
  await page.goto(`${CONSOLE_URL}/plans/${planId}`);
  await page.getByTestId('plan-status').waitFor();
  assert.equal(await page.getByTestId('plan-publish').count(), 0);
  await shot(page, 'import-07-viewer');
});
