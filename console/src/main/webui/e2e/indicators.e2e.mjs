// 指标 in a real browser: a plan with an indicator broken down by region (whose regional targets fall short of the
// overall target), a reporter of the responsible department records values for the whole area and for a region and
// sees them in the chart and the tables; a viewer gets no form. The data is created here through the gateway.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_URL, GATEWAY_URL, gateway, sessions, shot, signIn } from './browser.mjs';

// A platform that ran this test before holds an indicator of the same kind: this run's name is unique. The titles avoid
// 浏览器测试, which workflow.e2e.mjs searches for to pick its own plan.
const RUN = Date.now().toString(36);
const NAME = `改造城镇老旧小区（指标界面测试 ${RUN}）`;
let planId;
let indicatorId;

const orgId = async (code) => (await gateway('admin', 'query($code: String!) { organization(code: $code) { id } }', { code })).organization.id;

before(async () => {
  const [nmg, zjt, hhht, bt] = await Promise.all(['nmg', 'nmg.zjt', 'nmg.hhht', 'nmg.bt'].map(orgId));
  planId = (
    await gateway(
      'admin',
      `mutation($issuer: ID!) { createPlan(input: { title: "指标界面测试：老旧小区改造实施方案 ${RUN}", kind: IMPLEMENTATION_PLAN,
        issuerId: $issuer, issuedOn: "2021-03-01" }) { id } }`,
      { issuer: nmg },
    )
  ).createPlan.id;
  indicatorId = (
    await gateway(
      'admin',
      `mutation($plan: ID!, $name: String!, $zjt: ID!) { createIndicator(planId: $plan, input: { name: $name, unit: "个",
        nature: BINDING, comparator: AT_LEAST, baselineValue: 0, baselineYear: 2020, targetValue: 100, targetYear: 2025,
        responsibleOrgIds: [$zjt] }) { id } }`,
      { plan: planId, name: NAME, zjt },
    )
  ).createIndicator.id;
  // 60 + 30 = 90 of 100: the page must say the breakdown does not add up (no stated total, so the API accepts it).
  await gateway(
    'admin',
    `mutation($id: ID!, $hhht: ID!, $bt: ID!) { setRegionalTargets(indicatorId: $id, period: "2021-2025",
      rows: [{ regionId: $hhht, value: 60 }, { regionId: $bt, value: 30 }]) { value } }`,
    { id: indicatorId, hhht, bt },
  );
  await gateway('admin', 'mutation($id: ID!) { recordObservation(indicatorId: $id, period: "2022", value: 35) { id } }', { id: indicatorId });
});

test('a reporter of the responsible department finds the indicator under 指标 and sees its chart and breakdown', async () => {
  const page = await signIn('zjt.reporter');
  await page.getByRole('menuitem', { name: '指标' }).click();
  await page.getByPlaceholder('搜索指标名称').fill(RUN);
  await page.getByPlaceholder('搜索指标名称').press('Enter');
  const link = page.locator(`a[href="/indicators/${indicatorId}"]`);
  await link.waitFor();
  // A binding indicator whose target year passed unmet: 预期性 hides it, 约束性 and 红 show it.
  // Queries go as GET (persisted queries), their variables in the URL; a first-time query is POSTed.
  const answered = (variable) =>
    page.waitForResponse((r) => r.url().startsWith(GATEWAY_URL) && (decodeURIComponent(r.url()) + (r.request().postData() ?? '')).includes(variable));
  const pick = async (filter, option, variable) => {
    const response = answered(variable);
    await page.getByTestId(filter).click();
    await page.locator(`.ant-select-item-option[title="${option}"]`).click();
    await response;
  };
  await pick('nature-filter', '预期性', '"nature":"EXPECTED"');
  await page.getByTestId('indicator-table').getByText('暂无指标').waitFor();
  await pick('nature-filter', '约束性', '"nature":"BINDING"');
  await pick('health-filter', '红灯（逾期）', '"health":"RED"');
  await link.waitFor();
  await shot(page, 'indicators-01-list');
  await link.click();
  assert.equal(await page.getByTestId('indicator-name').innerText(), NAME);
  assert.equal(await page.getByTestId('indicator-target').innerText(), '不低于 100个（2025年）');
  await page.getByTestId('indicator-chart').locator('canvas').first().waitFor();
  assert.equal(await page.getByTestId('indicator-chart').getAttribute('data-actual'), '2022:35');
  const total = page.getByTestId('regional-total');
  assert.match(await total.innerText(), /合计\s+90个/);
  assert.match(await page.getByTestId('regional-mismatch').innerText(), /各地区目标值合计为 90个，比总目标 100个 少 10个/);
  await shot(page, 'indicators-02-indicator');
});

test('the reporter is stopped by the form check, then records values for the whole area and for 呼和浩特市', async () => {
  const page = sessions['zjt.reporter'];
  const form = page.getByTestId('record-observation');
  await form.getByLabel('期次').fill('2025');
  await form.getByLabel('数值（个）').fill('-3');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await form.getByText('数值不能小于 0').waitFor();
  await shot(page, 'indicators-03-validation');

  await form.getByLabel('数值（个）').fill('96');
  await form.getByLabel('数据来源').fill('2025年统计公报');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await page.locator('[data-testid="indicator-chart"][data-actual="2022:35 2025:96"]').waitFor();
  await page.getByTestId('indicator-latest').getByText('96个（2025年）').waitFor();
  await page.getByTestId('observation-table').getByText('2025年统计公报').waitFor();

  await form.getByLabel('地区').click();
  await page.locator('.ant-select-item-option[title="呼和浩特市"]').click();
  await form.getByLabel('数值（个）').fill('58');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  const row = page.getByTestId('regional-targets').locator('tr', { hasText: '呼和浩特市' });
  await row.getByText('58个（2025年）').waitFor();
  assert.match(await page.getByTestId('regional-total').innerText(), /58个/);
  await page.getByTestId('indicator-history').getByText('记录观测值').first().waitFor();
  assert.ok(await page.getByTestId('indicator-history').getByText('呼和浩特市').first().isVisible(), 'history names the region');
  await shot(page, 'indicators-04-recorded');
});

test('the plan page lists the indicator under its 指标 tab; a viewer sees the indicator but no form', async () => {
  const page = await signIn('viewer');
  await page.goto(`${CONSOLE_URL}/plans/${planId}`);
  await page.getByTestId('plan-indicators-tab').click();
  const link = page.locator(`a[href="/indicators/${indicatorId}"]`);
  await link.waitFor();
  await shot(page, 'indicators-05-plan-tab');
  await link.click();
  await page.getByTestId('indicator-chart').waitFor();
  await page.getByTestId('observation-table').getByText('2025年统计公报').waitFor();
  assert.equal(await page.getByTestId('record-observation').count(), 0, 'a viewer records nothing');
  await shot(page, 'indicators-06-viewer');
});
