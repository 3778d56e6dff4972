// 导入 from files in a real browser: an administrator picks the synthetic sample as a Word file, then as a PDF; each
// is read by plan-service at once and reviewed like its text (4 tasks, the breakdown table adding up), and the text
// read fills the text box. A scanned PDF is refused with the reason. Dry runs only: nothing is saved.
// The fixtures are the shared sample synthetic-breakdown-table.txt (fictional) written by plan-service's test helper
// DocumentFixtures (a Word paragraph per line, the table as a Word table; a PDF with a text layer; a PDF of shapes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSOLE_URL, sessions, shot, signIn } from './browser.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const upload = (page, name) => page.locator('input[type="file"]').setInputFiles(join(FIXTURES, name));

test('a Word file is read and reviewed at once, its table as a breakdown table', async () => {
  const page = await signIn('admin');
  await page.goto(`${CONSOLE_URL}/import`);
  await page.getByText(/支持 Word（.docx）、PDF/).waitFor();
  await upload(page, 'synthetic-breakdown-table.docx');
  await page.getByTestId('import-review').waitFor();
  assert.equal(await page.getByTestId('import-doc-number').innerText(), '示政办发〔2025〕12号');
  assert.ok(await page.getByText('识别出 4 项任务、5 个指标、1 张分解表').isVisible());
  assert.equal(await page.getByTestId('import-table').getAttribute('data-totals-match'), 'true');
  assert.match(await page.getByLabel('文件文本').inputValue(), /示例市老旧小区改造任务分解表（单位：个）/);
  await shot(page, 'import-files-01-docx');
});

test('a PDF of the same document is understood the same way', async () => {
  const page = sessions.admin;
  await page.getByLabel('文件文本').fill('');
  await upload(page, 'synthetic-breakdown-table.pdf');
  await page.getByText('已读入 synthetic-breakdown-table.pdf').waitFor();
  await page.getByTestId('import-review').waitFor();
  assert.equal(await page.getByTestId('import-doc-number').innerText(), '示政办发〔2025〕12号');
  assert.ok(await page.getByText('识别出 4 项任务、5 个指标、1 张分解表').isVisible());
  assert.equal(await page.getByTestId('import-table').getAttribute('data-totals-match'), 'true');
  await shot(page, 'import-files-02-pdf');
});

test('a scanned PDF is refused, saying it has no text layer', async () => {
  const page = sessions.admin;
  await upload(page, 'scanned.pdf');
  await page.getByTestId('problem').waitFor();
  assert.equal(await page.getByTestId('problem').getAttribute('data-code'), 'BAD_USER_INPUT');
  assert.match(await page.getByTestId('problem-detail').innerText(), /没有文字层/);
  await shot(page, 'import-files-03-scanned');
});
