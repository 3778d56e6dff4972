// 催办 and 报送周期 in a real browser: a planner reminds one unit of a task from its page; that unit's reporter finds
// the notification under the bell, opens the task from it, mutes e-mail for 催办; the reporting periods follow the
// report through submitted, approved (locked) and reopened. The data is this file's own, created as admin.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_URL, gateway, sessions, shot, signIn } from './browser.mjs';

const STAMP = `催办${Date.now().toString(36)}`;
const now = new Date();
const PERIOD = `${now.getFullYear()}Q${Math.floor(now.getMonth() / 3) + 1}`;
const MESSAGE = `${STAMP}：请于本周五前报送本季度进展情况。`;
const ids = {};

before(async () => {
  const org = async (code) => (await gateway('admin', 'query($c: String!) { organization(code: $c) { id name } }', { c: code })).organization;
  const [nmg, zjt, zrzyt] = [await org('nmg'), await org('nmg.zjt'), await org('nmg.zrzyt')];
  Object.assign(ids, { zjt: zjt.id, zjtName: zjt.name, zrzyt: zrzyt.id, zrzytName: zrzyt.name });
  ids.plan = (
    await gateway('admin', 'mutation($i: ID!, $t: String!) { createPlan(input: { title: $t, kind: ACTION_PLAN, issuerId: $i }) { id } }', {
      i: nmg.id,
      t: `${STAMP}城市体检工作方案`,
    })
  ).createPlan.id;
  ids.task = (
    await gateway(
      'admin',
      'mutation($p: ID!, $l: ID!, $c: ID!, $t: String!) { createTask(planId: $p, input: { title: $t, leadOrgIds: [$l], cooperatingOrgIds: [$c], deadline: "2030-12-31" }) { id } }',
      { p: ids.plan, l: zjt.id, c: zrzyt.id, t: `${STAMP}开展城市体检` },
    )
  ).createTask.id;
});

/** The number on the bell (0 when it shows none). */
async function bellCount(page) {
  const count = page.locator('[data-testid="notification-badge"] .ant-scroll-number');
  return (await count.count()) ? Number((await count.first().getAttribute('title')) ?? (await count.first().innerText())) : 0;
}

test('the task page shows each unit\'s reporting periods; a planner sends 催办 to one of its units', async () => {
  const page = await signIn('planner');
  await page.goto(`${CONSOLE_URL}/tasks/${ids.task}`);
  const periods = page.getByTestId('reporting-periods');
  await periods.getByText('报送周期：按季度').waitFor();
  const current = periods.locator('tr', { hasText: ids.zjtName }).last();
  assert.match(await current.innerText(), new RegExp(`${now.getFullYear()}年第[一二三四]季度`));
  await page.getByTestId('task-reminders').getByText('暂无催办记录').waitFor();

  await page.getByTestId('remind-task').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /发送催办/ }).click();
  await dialog.getByText('请填写催办内容').waitFor();
  await dialog.getByLabel(ids.zrzytName).uncheck();
  await dialog.getByLabel('催办内容').fill(MESSAGE);
  await shot(page, 'reminders-01-urge');
  await dialog.getByRole('button', { name: /发送催办/ }).click();
  await page.getByText(/催办已发送，送达 \d+ 人/).waitFor();
  const reminder = page.getByTestId('task-reminders').locator('[data-testid="reminder"][data-rule="MANUAL"]');
  await reminder.waitFor();
  const text = await reminder.innerText();
  assert.match(text, new RegExp(`人工催办[\\s\\S]*${ids.zjtName}[\\s\\S]*planner`));
  assert.ok(text.includes(MESSAGE));
  assert.match(text, /送达：[\s\S]*zjt\.reporter/, 'the reporter of the unit is reached');
  assert.ok(!text.includes(ids.zrzytName), 'the unit left out is not reminded');
  await shot(page, 'reminders-02-recorded');
});

test('the reporter of that unit sees the bell count, reads the 催办 and opens the task from it', async () => {
  const page = await signIn('zjt.reporter');
  await page.getByTestId('notification-bell').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="notification-badge"] .ant-scroll-number'));
  const before = await bellCount(page);
  assert.ok(before >= 1, 'an unread notification is counted');
  await page.getByTestId('notification-bell').click();
  const item = page.getByTestId('notification').filter({ hasText: MESSAGE });
  await item.waitFor();
  assert.match(await item.innerText(), /催办/);
  await shot(page, 'reminders-03-bell');
  await item.getByRole('button', { name: '查看任务' }).click();
  await page.waitForURL(`${CONSOLE_URL}/tasks/${ids.task}`);
  await page.getByTestId('task-title').waitFor();
  await page.waitForFunction((n) => {
    const badge = document.querySelector('[data-testid="notification-badge"] .ant-scroll-number');
    return (badge ? Number(badge.getAttribute('title') ?? badge.textContent) : 0) === n - 1;
  }, before);
});

test('the reporter mutes e-mail for 催办; the next 催办 still arrives in the app but is not mailed', async () => {
  const page = sessions['zjt.reporter'];
  await page.getByTestId('notification-bell').click();
  const urgeMail = page.getByTestId('email-URGE');
  await urgeMail.waitFor();
  assert.equal(await urgeMail.getAttribute('aria-checked'), 'true');
  await urgeMail.click();
  await page.getByText('已关闭该类邮件提醒').waitFor();
  await shot(page, 'reminders-04-email-settings');
  const { notificationPreferences } = await gateway('zjt.reporter', '{ notificationPreferences { category emailMuted } }');
  assert.deepEqual(notificationPreferences.find((p) => p.category === 'URGE'), { category: 'URGE', emailMuted: true });

  await gateway('planner', 'mutation($t: ID!, $o: [String!]) { remindTask(taskId: $t, orgIds: $o, message: "再次催办") { id } }', {
    t: ids.task,
    o: [ids.zjt],
  });
  const { notifications } = await gateway('zjt.reporter', '{ notifications(first: 1) { edges { node { body category emailStatus } } } }');
  const latest = notifications.edges[0].node;
  assert.equal(latest.category, 'URGE');
  assert.ok(latest.body.includes('再次催办'));
  assert.equal(latest.emailStatus, 'MUTED');
});

test('a report moves the period to 待审核; approved it is locked; the planner reopens it with a reason', async () => {
  await gateway('zjt.reporter', 'mutation($t: ID!, $o: ID!, $p: String!) { submitProgressReport(taskId: $t, orgId: $o, period: $p, percent: 30, summary: "已完成体检指标采集") { id } }', {
    t: ids.task,
    o: ids.zjt,
    p: PERIOD,
  });
  const page = sessions.planner;
  await page.goto(`${CONSOLE_URL}/tasks/${ids.task}`);
  const row = page.getByTestId('reporting-periods').locator('tr', { hasText: ids.zjtName }).last();
  await row.locator('[data-period-status="SUBMITTED"]').waitFor();
  await page.getByRole('button', { name: /通\s*过/ }).click();
  const review = page.getByRole('dialog');
  await review.getByLabel('审核意见').fill('同意。');
  await review.getByRole('button', { name: /通\s*过/ }).click();
  await review.waitFor({ state: 'hidden' });
  await row.locator('[data-period-status="APPROVED"]').waitFor();
  await row.getByText('已锁定').waitFor();
  await shot(page, 'reminders-05-locked');

  await row.getByTestId('reopen-period').click();
  const reopen = page.getByRole('dialog');
  await reopen.getByRole('button', { name: /重新开放/ }).click();
  await reopen.getByText('请填写重新开放的原因').waitFor();
  await reopen.getByLabel('原因').fill('数据口径调整，请按新口径重报');
  await reopen.getByRole('button', { name: /重新开放/ }).click();
  await row.locator('[data-period-status="RETURNED"]').waitFor();
  assert.ok(!(await row.innerText()).includes('已锁定'));
  await page.locator('[data-report-status="RETURNED"]').first().waitFor();
  await shot(page, 'reminders-06-reopened');
});

test('a viewer sees the periods and the 催办 record but can neither remind nor reopen', async () => {
  const page = await signIn('viewer');
  await page.goto(`${CONSOLE_URL}/tasks/${ids.task}`);
  await page.getByTestId('task-reminders').locator('[data-testid="reminder"]').first().waitFor();
  await page.getByTestId('reporting-periods').locator('[data-period-status]').first().waitFor();
  assert.equal(await page.getByTestId('remind-task').count(), 0);
  assert.equal(await page.getByTestId('reopen-period').count(), 0);
});
