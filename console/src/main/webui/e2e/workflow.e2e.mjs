// The daily loop in a real browser: a report is submitted, returned, resubmitted and approved; the dashboard and the
// plan page; a viewer can change nothing. ConsoleIT creates the task and passes TASK_ID, TASK_TITLE and PLAN_ID.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONSOLE_URL, GATEWAY_URL, SHOTS, choosePlan, env, gateway, sessions, shot, signIn } from './browser.mjs';

const TASK_ID = env('TASK_ID');
const TASK_TITLE = env('TASK_TITLE');
const PLAN_ID = env('PLAN_ID');

/** The 审核 badge's number (0 when it shows none). */
async function approvalsBadge(page) {
  const count = page.locator('[data-testid="approvals-badge"] [title]');
  return (await count.count()) ? Number(await count.first().getAttribute('title')) : 0;
}

// The platform may hold other tests' plans and tasks (WorkflowIT's imported samples): screens are searched and
// filtered as a user would, and links are found by id (a platform that ran this test before has the same titles).
const SEARCH = '浏览器测试';
const taskLink = (page) => page.locator(`a[href="/tasks/${TASK_ID}"]`);
const reportRow = (page, status) => page.locator(`[data-report-status="${status}"]`);

let reviewsBefore;

test('a reporter signs in through Keycloak and lands on 我的任务 with the task of the department', async () => {
  const page = await signIn('zjt.reporter', '01-keycloak-login');
  await page.waitForURL(`${CONSOLE_URL}/tasks`);
  await page.getByPlaceholder('搜索任务名称').fill(SEARCH);
  await page.getByPlaceholder('搜索任务名称').press('Enter');
  await taskLink(page).waitFor();
  await page.waitForLoadState('networkidle');
  reviewsBefore = await approvalsBadge(page);
  assert.ok(await page.getByText('自治区住房和城乡建设厅').first().isVisible());
  assert.ok(await page.getByText('2030年12月31日').first().isVisible(), 'deadline in Chinese');
  const row = page.locator('tr', { has: taskLink(page) });
  await row.getByTestId('mark-due').waitFor();
  await shot(page, '02-my-tasks');
});

test('the reporter opens the task, is stopped by the form check, then submits a report', async () => {
  const page = sessions['zjt.reporter'];
  await taskLink(page).click();
  assert.match(await page.getByTestId('task-title').innerText(), new RegExp(TASK_TITLE.replace(/[()（）]/g, '.')));
  await page.getByLabel('完成进度（%）').fill('150');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await page.getByText('进度应为 0 到 100 之间的整数').waitFor();
  await page.getByText('请填写工作进展').waitFor();
  await shot(page, '03-task-report-validation');

  await page.getByLabel('完成进度（%）').fill('40');
  await page.getByLabel('工作进展').fill('已完成全区老旧小区摸底调查，确定首批改造项目。');
  await page.getByLabel('存在问题').fill('部分项目资金尚未落实。');
  await page.getByLabel('下一步计划').fill('开展施工招标。');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await reportRow(page, 'SUBMITTED').waitFor();
  assert.equal(await page.getByRole('button', { name: /通\s*过/ }).count(), 1, 'the lead unit reviews its own reports');
  await page.locator(`[data-testid="approvals-badge"] [title="${reviewsBefore + 1}"]`).waitFor();
  await shot(page, '04-task-report-submitted');
});

test('a planner of the lead side finds it from 督查看板 and returns it with a comment', async () => {
  const page = await signIn('planner');
  await page.getByRole('menuitem', { name: '督查看板' }).click();
  await page.getByTestId('echart').waitFor();
  await choosePlan(page, SEARCH);
  // The task under test is on track (green); another department's red and yellow tasks are listed too.
  const green = page.locator('[data-testid="count-nmg.zjt-GREEN"]');
  await green.waitFor();
  await page.locator('[data-testid="count-nmg.zrzyt-RED"]').waitFor();
  await shot(page, '05-dashboard');
  await green.click();
  await page.getByTestId('drill-title').waitFor();
  await taskLink(page).click();
  await reportRow(page, 'SUBMITTED').waitFor();
  await page.getByRole('button', { name: /退\s*回/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /退\s*回/ }).click();
  await dialog.getByText('退回时请写明需要修改的内容').waitFor();
  await dialog.getByLabel('审核意见').fill('请补充资金落实情况和开工时间。');
  await dialog.getByRole('button', { name: /退\s*回/ }).click();
  await reportRow(page, 'RETURNED').waitFor();
  await shot(page, '06-task-returned');
});

test('the reporter sees the comment, corrects the report and submits it again', async () => {
  const page = sessions['zjt.reporter'];
  await page.getByRole('menuitem', { name: '我的任务' }).click();
  await page.getByText('被退回', { exact: true }).click();
  await page.locator('tr', { has: taskLink(page) }).getByTestId('mark-returned').waitFor();
  await shot(page, '07a-my-tasks-returned');
  await taskLink(page).click();
  await page.reload();
  await page.getByText('该填报已被退回，请根据审核意见修改后重新提交。').waitFor();
  await page.getByText('请补充资金落实情况和开工时间。').first().waitFor();
  assert.equal(await page.getByLabel('完成进度（%）').inputValue(), '40', 'the returned report is the starting point');
  await page.getByLabel('存在问题').fill('资金已落实 80%，其余年内到位；计划 6 月开工。');
  await page.getByRole('button', { name: /提\s*交/ }).click();
  await reportRow(page, 'SUBMITTED').waitFor();
  await shot(page, '07-task-resubmitted');
});

test('the planner approves the resubmitted report', async () => {
  const page = sessions.planner;
  await page.reload();
  await reportRow(page, 'SUBMITTED').waitFor();
  await page.getByRole('button', { name: /通\s*过/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('审核意见').fill('同意。');
  await dialog.getByRole('button', { name: /通\s*过/ }).click();
  await reportRow(page, 'APPROVED').waitFor();
  await shot(page, '08-task-approved');
});

test('督查看板 follows the tasks: the overdue task, once completed, leaves red and counts as done', async () => {
  const page = sessions.planner;
  const red = page.locator('[data-testid="count-nmg.zrzyt-RED"]');
  const openDashboard = async () => {
    await page.goto(`${CONSOLE_URL}/dashboard`);
    await choosePlan(page, SEARCH);
  };
  await openDashboard();
  await red.waitFor();
  assert.equal(await red.innerText(), '1', 'one overdue task of 自然资源厅');
  const { tasks } = await gateway(
    'admin',
    'query($plan: ID!) { tasks(planId: $plan, search: "完成城镇开发边界划定", first: 1) { edges { node { id version } } } }',
    { plan: PLAN_ID },
  );
  const overdue = tasks.edges[0].node;
  await gateway('admin', 'mutation($id: ID!, $v: Int!) { updateTask(id: $id, version: $v, status: COMPLETED) { id } }', {
    id: overdue.id,
    v: overdue.version,
  });
  await openDashboard();
  await page.locator('[data-testid="count-nmg.zrzyt-DONE"]').waitFor();
  assert.equal(await red.count(), 0, 'no red task left for 自然资源厅');
});

test('the planner reads the plans list and the plan page with its outline and tasks', async () => {
  const page = sessions.planner;
  await page.getByRole('menuitem', { name: '规划' }).click();
  await page.waitForURL(`${CONSOLE_URL}/plans`);
  await page.getByPlaceholder('搜索名称或发文字号').fill(SEARCH);
  await page.getByPlaceholder('搜索名称或发文字号').press('Enter');
  await page.locator(`a[href="/plans/${PLAN_ID}"]`).click();
  await page.getByTestId('plan-title').waitFor();
  await taskLink(page).waitFor();
  await shot(page, '09-plan');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-download').click()]);
  assert.match(download.suggestedFilename(), /-台账-\d{4}-\d{2}-\d{2}\.xlsx$/, 'the ledger is saved under its Chinese name');
  const saved = join(SHOTS, 'ledger.xlsx');
  await download.saveAs(saved);
  assert.equal(readFileSync(saved).subarray(0, 2).toString('latin1'), 'PK', 'an xlsx (zip) file');
  await page.getByRole('menuitem', { name: '审核' }).click();
  await page.waitForURL(`${CONSOLE_URL}/approvals`);
  // antd's spinner wraps the table (.ant-table-wrapper), and while the queue loads the empty placeholder shows
  // under it: settled means no spinner and either rows or the placeholder.
  await page.waitForFunction(() => !document.querySelector('.ant-table-wrapper .ant-spin-spinning')
    && document.querySelector('.ant-table-wrapper .ant-table-row, .ant-table-wrapper .ant-empty'));
  await shot(page, '10-approvals');
});

test('a viewer sees the task without any edit button, and a forged report from the page is refused', async () => {
  const page = await signIn('viewer');
  await page.goto(`${CONSOLE_URL}/tasks/${TASK_ID}`);
  await reportRow(page, 'APPROVED').first().waitFor();
  for (const name of [/提\s*交/, /通\s*过/, /退\s*回/]) {
    assert.equal(await page.getByRole('button', { name }).count(), 0, `viewer sees no ${name} button`);
  }
  await shot(page, '11-task-viewer');
  const answer = await page.evaluate(
    async ({ gateway, taskId }) => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
      const token = JSON.parse(sessionStorage.getItem(key)).access_token;
      const me = await fetch(gateway, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { orgs { id } } }' }),
      }).then((r) => r.json());
      const response = await fetch(gateway, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation($t: ID!, $o: ID!) { submitProgressReport(taskId: $t, orgId: $o, period: "2026Q2", percent: 99, summary: "伪造") { id } }',
          variables: { t: taskId, o: me.data.me.orgs[0].id },
        }),
      });
      return response.json();
    },
    { gateway: GATEWAY_URL, taskId: TASK_ID },
  );
  assert.equal(answer.errors?.[0]?.extensions?.code, 'FORBIDDEN', JSON.stringify(answer));
  await page.reload();
  await reportRow(page, 'APPROVED').first().waitFor();
  assert.equal(await page.getByText('伪造').count(), 0, 'nothing was written');
});

test('the English switch relabels the app, and 退出 ends the session at Keycloak', async () => {
  const page = sessions.viewer;
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('menuitem', { name: 'My tasks' }).waitFor();
  await shot(page, '12-english');
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: /退\s*出/ }).click();
  await page.waitForURL((url) => !url.href.startsWith(CONSOLE_URL) || url.pathname === '/');
  await page.waitForSelector('#username');
});
