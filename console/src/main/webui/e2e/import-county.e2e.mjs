// 导入 of a county document in a real browser (issue #21): a banner's (旗) general office writes its departments bare
// (财政局) or with the banner's word (旗财政局), and the tree has the banner but none of its departments. The dry run,
// with no issuer chosen, finds the issuer's government and proposes the five departments under it; saving is blocked
// until an administrator ticks 新建为组织; saving then creates them in org-service before the plan, whose tasks they
// lead, and org-service's group sync gives each its Keycloak group (a member can be added to it).
// The document is plan-service's fictional test banner (documents/county-banner-implementation-plan.txt) renamed to a
// banner of this run, which is set up first as an administrator would enter a banner: its government, its townships
// and the collective 各苏木镇人民政府. A platform that ran this test before keeps that run's banner apart.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSOLE_URL, gateway, sessions, shot, signIn } from './browser.mjs';

function planServiceDocument(name) {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'plan-service', 'src', 'test', 'resources', 'documents', name);
    if (existsSync(file)) return file;
  }
  throw new Error(`plan-service's test document ${name} was not found above the console`);
}

// A place name of this run, in characters the parser reads as a name (no digits, no numbering words).
const RUN = Math.floor(Date.now() / 1000);
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BANNER = `测${[...String(RUN).slice(-6)].map((d) => STEMS[Number(d)]).join('')}旗`;
const CODE = `nmg.hhht.e2e${RUN.toString(36)}`;
const DOC_NUMBER = `测旗政办发〔${2030 + (RUN % 70)}〕${1000 + (Math.floor(RUN / 70) % 9000)}号`;
const TEXT = readFileSync(planServiceDocument('county-banner-implementation-plan.txt'), 'utf8')
  .replaceAll('示旗政办发〔2024〕7号', DOC_NUMBER)
  .replaceAll('示例旗', BANNER);
const DEPARTMENTS = ['农牧局', '住房和城乡建设局', '财政局', '发展和改革委员会', '交通运输局'].map((d) => BANNER + d);
const ORG = 'query($code: String!) { organization(code: $code) { id name kind level parent { code } } }';
let proposals;
let planId;

before(async () => {
  const create = (input) => gateway('admin', 'mutation($i: OrganizationInput!) { createOrganization(input: $i) { id } }', { i: input });
  await create({ code: CODE, name: `${BANNER}人民政府`, kind: 'GOVERNMENT', level: 'COUNTY', region: BANNER, parentCode: 'nmg.hhht' });
  await create({ code: `${CODE}.byz`, name: '巴彦镇人民政府', kind: 'GOVERNMENT', level: 'TOWNSHIP', region: '巴彦镇', parentCode: CODE });
  await create({ code: `${CODE}.wlsm`, name: '乌兰苏木人民政府', kind: 'GOVERNMENT', level: 'TOWNSHIP', region: '乌兰苏木', parentCode: CODE });
  await gateway('admin', 'mutation($i: CollectiveInput!) { createCollective(input: $i) { id } }', {
    i: { code: `${CODE}.smz`, name: '各苏木镇人民政府', parentCode: CODE, rule: { kind: 'GOVERNMENT', level: 'TOWNSHIP', underCode: CODE } },
  });
});

test('a county document dry-runs with no issuer chosen and proposes the banner’s missing departments; saving waits for them', async () => {
  const page = await signIn('admin');
  await page.goto(`${CONSOLE_URL}/import`);
  await page.getByLabel('文件文本').fill(TEXT);
  await page.getByRole('button', { name: /解\s*析/ }).click();
  await page.getByTestId('import-review').waitFor();
  assert.equal(await page.getByTestId('import-doc-number').innerText(), DOC_NUMBER);
  assert.match(await page.getByTestId('import-issuer').innerText(), new RegExp(`${BANNER}人民政府`));
  assert.equal(await page.getByTestId('import-issuer-missing').count(), 0);

  const card = page.getByTestId('import-proposals');
  await card.waitFor();
  proposals = await Promise.all(DEPARTMENTS.map(async (name) => {
    const row = card.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
    await row.waitFor();
    return { name, code: (await row.getByRole('cell', { name: new RegExp(`^${CODE.replaceAll('.', '\\.')}\\.`) }).innerText()).trim(), row };
  }));
  assert.match(await proposals[2].row.innerText(), /财政局、旗财政局/, 'the bare and the banner-prefixed name are one department');
  assert.match(await proposals[2].row.innerText(), new RegExp(`${BANNER}人民政府`), 'under the issuer’s government');
  assert.ok(await page.getByTestId('import-save').isDisabled(), 'the leads do not exist yet');
  assert.match(await page.getByTestId('import-summary').innerText(), /\d+ 个单位名称未能识别/);
  for (const { code } of proposals) {
    assert.equal((await gateway('admin', ORG, { code })).organization, null, `the dry run created ${code}`);
  }
  await shot(page, 'import-county-01-proposals');
});

test('ticking 新建为组织 lets the plan be saved; the departments are created under the banner and lead its tasks', async () => {
  const page = sessions.admin;
  for (const { row } of proposals) await row.getByTestId('import-create-org').check();
  assert.ok(await page.getByTestId('import-save').isEnabled());
  // the tasks now name the departments the save will create, not unresolved units
  await page.locator('[data-testid="org-match"][data-resolved="to-create"]', { hasText: `${BANNER}农牧局（将新建）` }).waitFor();
  // the summary counts what the ticks leave unresolved (nothing: 财政局 and 旗财政局 are one department) and what is created
  const summary = await page.getByTestId('import-summary').innerText();
  assert.match(summary, /5 个单位将在保存时新建为组织/);
  assert.doesNotMatch(summary, /未能识别/);
  await shot(page, 'import-county-02-accepted');
  await page.getByTestId('import-save').click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  planId = page.url().split('/').pop();
  await page.locator('[data-testid="plan-status"][data-status="DRAFT"]').waitFor();
  await page.getByText(DOC_NUMBER).waitFor();
  await shot(page, 'import-county-03-saved');

  const created = {};
  for (const { name, code } of proposals) {
    const { id, ...organization } = (await gateway('admin', ORG, { code })).organization;
    assert.deepEqual(organization, { name, kind: 'DEPARTMENT', level: 'COUNTY', parent: { code: CODE } });
    created[name] = id;
  }
  const { plan } = await gateway('admin', `query($id: ID!) { plan(id: $id) { docNumber issuer { code }
    tasks { edges { node { number leadOrgs { id } cooperatingOrgs { id } } } } } }`, { id: planId });
  assert.equal(plan.issuer.code, CODE);
  const tasks = Object.fromEntries(plan.tasks.edges.map(({ node }) => [node.number, node]));
  assert.deepEqual(tasks['（一）'].leadOrgs, [{ id: created[`${BANNER}农牧局`] }]);
  assert.deepEqual(tasks['（二）'].leadOrgs, [{ id: created[`${BANNER}住房和城乡建设局`] }]);
  assert.deepEqual(tasks['（二）'].cooperatingOrgs, [{ id: created[`${BANNER}发展和改革委员会`] }, { id: created[`${BANNER}财政局`] }]);
});

test('each new department has its Keycloak group: a member can be added to it and is listed there', async () => {
  const { organization } = await gateway('admin', ORG, { code: proposals[0].code });
  const username = `e2e.nmj.${RUN.toString(36)}`;
  const add = `mutation($o: ID!, $u: String!) { addStaffMember(organizationId: $o,
    input: { username: $u, firstName: "测试", lastName: "农牧", roles: [REPORTER], temporaryPassword: "Pw-e2e-1" }) { username } }`;
  // org-service syncs the groups after the organizations' transaction: until then it answers UNAVAILABLE.
  for (let attempt = 1; ; attempt++) {
    try {
      await gateway('admin', add, { o: organization.id, u: username });
      break;
    } catch (e) {
      if (attempt === 30 || !/UNAVAILABLE/.test(e.message)) throw e;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  const { staffMembers } = await gateway('admin', 'query($o: ID!) { staffMembers(organizationId: $o) { username } }', { o: organization.id });
  assert.deepEqual(staffMembers.map((m) => m.username), [username]);
});
