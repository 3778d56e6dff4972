// The finished screens in a real browser: 我的任务's ledger with the screen's filters, 督查看板's 逾期任务, a task's
// history naming organizations, and a CONFLICT on 进度填报 shown beside the unsaved input. The data is this file's
// own (unique titles), created through the gateway as admin.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { CONSOLE_URL, SHOTS, choosePlan, gateway, sessions, shot, signIn } from './browser.mjs';

const STAMP = `润色${Date.now().toString(36)}`;
const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const now = new Date();
const PERIOD = `${now.getFullYear()}Q${Math.floor(now.getMonth() / 3) + 1}`;

const ids = {};
const titles = {
  long: `${STAMP}逾期六十天的任务`,
  short: `${STAMP}逾期五天的任务`,
  fine: `${STAMP}正常推进的任务`,
  moved: `${STAMP}调整牵头单位的任务`,
};

/** The text of the files in a zip (an xlsx) whose names start with `prefix`, found through the central directory. */
function zipText(file, prefix) {
  let text = '';
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength).startsWith(prefix)) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      text += (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + skip;
  }
  return text;
}

before(async () => {
  const org = async (code) => (await gateway('admin', 'query($c: String!) { organization(code: $c) { id name } }', { c: code })).organization;
  const [nmg, zjt, fgw] = [await org('nmg'), await org('nmg.zjt'), await org('nmg.fgw')];
  ids.zjt = zjt.id;
  ids.zjtName = zjt.name;
  ids.fgwName = fgw.name;
  // Issued 90 days ago (before its overdue deadlines): newer than the other tests' plans, so early in 督查看板's list.
  ids.plan = (
    await gateway('admin', 'mutation($i: ID!, $t: String!, $d: Date!) { createPlan(input: { title: $t, kind: ACTION_PLAN, issuerId: $i, issuedOn: $d }) { id } }', {
      i: nmg.id,
      t: `${STAMP}城市更新行动计划`,
      d: day(-90),
    })
  ).createPlan.id;
  const task = async (title, deadline) =>
    (
      await gateway(
        'admin',
        'mutation($p: ID!, $l: ID!, $t: String!, $d: Date!) { createTask(planId: $p, input: { title: $t, leadOrgIds: [$l], deadline: $d }) { id } }',
        { p: ids.plan, l: zjt.id, t: title, d: deadline },
      )
    ).createTask.id;
  ids.long = await task(titles.long, day(-60));
  ids.short = await task(titles.short, day(-5));
  ids.fine = await task(titles.fine, '2030-12-31');
  ids.moved = await task(titles.moved, '2030-12-31');
  const { version } = (await gateway('admin', 'query($id: ID!) { task(id: $id) { version } }', { id: ids.moved })).task;
  await gateway('admin', 'mutation($id: ID!, $v: Int!, $l: [String!]) { updateTask(id: $id, version: $v, leadOrgIds: $l) { id } }', {
    id: ids.moved,
    v: version,
    l: [zjt.id, fgw.id],
  });
});

test('我的任务 filtered to red tasks downloads the same list as 我的任务-台账-<date>.xlsx', async () => {
  const page = await signIn('zjt.reporter');
  await page.waitForURL(`${CONSOLE_URL}/tasks`);
  await page.getByPlaceholder('搜索任务名称').fill(STAMP);
  await page.getByPlaceholder('搜索任务名称').press('Enter');
  await page.locator(`a[href="/tasks/${ids.fine}"]`).waitFor();
  await page.locator('.ant-select').filter({ hasText: '全部状态' }).click();
  await page.locator('.ant-select-item-option', { hasText: '红灯（逾期）' }).click();
  await page.locator(`a[href="/tasks/${ids.fine}"]`).waitFor({ state: 'detached' });
  await page.locator(`a[href="/tasks/${ids.long}"]`).waitFor();
  await shot(page, 'polish-01-my-tasks-red');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-download').click()]);
  assert.match(download.suggestedFilename(), /^我的任务-台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const saved = join(SHOTS, 'polish-my-tasks.xlsx');
  await download.saveAs(saved);
  // The cells' texts, shared strings or inline.
  const strings = zipText(saved, 'xl/');
  assert.ok(strings.includes(titles.long) && strings.includes(titles.short), 'the red tasks of the screen are in the ledger');
  assert.ok(!strings.includes(titles.fine) && !strings.includes(titles.moved), 'the tasks the filter hides are not');
});

test('督查看板 lists the overdue tasks of the plan, longest overdue first, with the lead unit and why they are red', async () => {
  const page = sessions['zjt.reporter'];
  await page.getByRole('menuitem', { name: '督查看板' }).click();
  await page.getByTestId('overdue').waitFor();
  await choosePlan(page, STAMP);
  const rows = page.getByTestId('overdue').locator('tbody tr.ant-table-row');
  // One plan chosen: the list starts afresh without the plan column.
  await page.getByTestId('overdue').locator('th', { hasText: '所属规划' }).waitFor({ state: 'detached' });
  await page.getByTestId('overdue').locator(`a[href="/tasks/${ids.short}"]`).waitFor();
  assert.equal(await rows.count(), 2);
  assert.match(await rows.nth(0).innerText(), new RegExp(`${titles.long}[\\s\\S]*${ids.zjtName}[\\s\\S]*\\d+ 天[\\s\\S]*已超过完成时限`));
  assert.match(await rows.nth(1).innerText(), new RegExp(`${titles.short}[\\s\\S]*\\d 天[\\s\\S]*已超过完成时限`));
  assert.equal(await page.getByTestId('overdue').getByText(titles.fine).count(), 0);
  await shot(page, 'polish-02-overdue');
});

test('the change history names the lead units instead of their ids', async () => {
  const page = sessions['zjt.reporter'];
  await page.goto(`${CONSOLE_URL}/tasks/${ids.moved}`);
  const history = page.getByTestId('task-history');
  await history.getByText(`${ids.zjtName} → ${ids.zjtName}、${ids.fgwName}`).waitFor();
  assert.ok(!(await history.innerText()).includes(ids.zjt), 'no organization id is shown');
  await shot(page, 'polish-03-history-names');
});

test('a report someone else of the unit saved meanwhile is shown beside the unsaved one, which is redone from it', async () => {
  const page = sessions['zjt.reporter'];
  await page.goto(`${CONSOLE_URL}/tasks/${ids.fine}`);
  await page.getByLabel('完成进度（%）').fill('30');
  await page.getByLabel('工作进展').fill('我这边：完成试点小区摸底。');
  await gateway('admin', 'mutation($t: ID!, $o: ID!, $p: String!) { submitProgressReport(taskId: $t, orgId: $o, period: $p, percent: 50, summary: "同事先报：首批试点已开工。", problems: "资金缺口") { id } }', {
    t: ids.fine,
    o: ids.zjt,
    p: PERIOD,
  });
  await page.getByRole('button', { name: /提\s*交/ }).click();
  const theirs = page.getByTestId('conflict-theirs');
  await theirs.getByText('同事先报：首批试点已开工。').waitFor();
  assert.ok(await theirs.getByText('50%').isVisible());
  assert.ok(await page.getByTestId('conflict-mine').getByText('我这边：完成试点小区摸底。').isVisible());
  await shot(page, 'polish-04-report-conflict');
  await page.getByRole('button', { name: '以对方的填报为起点修改' }).click();
  assert.equal(await page.getByLabel('完成进度（%）').inputValue(), '50');
  assert.equal(await page.getByLabel('工作进展').inputValue(), '同事先报：首批试点已开工。');
  await shot(page, 'polish-05-report-conflict-taken');
});
