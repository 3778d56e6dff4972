// The parity suite's seed data and operations (also the benchmark's representative operations).
import { graphql } from './apollo-gateway.mjs';

async function must(url, bearer, query, variables) {
  const body = await graphql(url, bearer, query, variables);
  if (body.errors?.length || !body.data) throw new Error(`seeding failed: ${JSON.stringify(body).slice(0, 500)}`);
  return body.data;
}

/** A plan of `nmg` with three tasks (lead/cooperating departments) and two indicators, written through `gatewayUrl`. */
export async function seed(gatewayUrl, bearer) {
  const orgs = {};
  for (const [key, code] of [['nmg', 'nmg'], ['zjt', 'nmg.zjt'], ['zrzyt', 'nmg.zrzyt']]) {
    orgs[key] = (await must(gatewayUrl, bearer, 'query($code: String!) { organization(code: $code) { id } }', { code })).organization;
  }
  const stamp = `${Date.now()}-${process.pid}`;
  const { createPlan: plan } = await must(gatewayUrl, bearer,
    `mutation($input: PlanInput!) { createPlan(input: $input) { id } }`,
    { input: { title: `网关一致性测试规划 ${stamp}`, kind: 'PLAN', docNumber: `内政发〔2099〕${stamp}号`,
      issuerId: orgs.nmg.id, periodStart: 2021, periodEnd: 2025 } });
  const taskIds = [];
  const tasks = [
    { number: '1', title: '推进城镇老旧小区改造', leadOrgIds: [orgs.zjt.id], cooperatingOrgIds: [orgs.zrzyt.id], deadline: '2025-12-31' },
    { number: '2', title: '完善国土空间规划体系', leadOrgIds: [orgs.zrzyt.id], cooperatingOrgIds: [orgs.zjt.id, orgs.nmg.id] },
    { number: '3', title: '建立健全协调机制', leadOrgIds: [orgs.zjt.id, orgs.zrzyt.id], ongoing: true },
  ];
  for (const input of tasks) {
    const { createTask } = await must(gatewayUrl, bearer,
      'mutation($planId: ID!, $input: TaskInput!) { createTask(planId: $planId, input: $input) { id } }',
      { planId: plan.id, input });
    taskIds.push(createTask.id);
  }
  const indicatorIds = [];
  const indicators = [
    { name: '新增高标准农田面积', unit: '万亩', comparator: 'AT_LEAST', targetValue: 1200, targetYear: 2025,
      baselineValue: 800, baselineYear: 2020, nature: 'BINDING', responsibleOrgIds: [orgs.zrzyt.id] },
    { name: '城镇老旧小区改造完成率', unit: '%', comparator: 'AT_LEAST', targetValue: 100, targetYear: 2025,
      nature: 'EXPECTED', responsibleOrgIds: [orgs.zjt.id, orgs.zrzyt.id] },
  ];
  for (const input of indicators) {
    const { createIndicator } = await must(gatewayUrl, bearer,
      'mutation($planId: ID!, $input: IndicatorInput!) { createIndicator(planId: $planId, input: $input) { id } }',
      { planId: plan.id, input });
    indicatorIds.push(createIndicator.id);
  }
  await must(gatewayUrl, bearer,
    'mutation($id: ID!) { recordObservation(indicatorId: $id, period: "2022", value: 950, source: "统计公报") { id } }',
    { id: indicatorIds[0] });
  return { planId: plan.id, taskIds, indicatorIds, orgIds: orgs };
}

/** name, query, variables; expectData: our answer must carry data; expectErrors: it must carry errors. */
export function operations({ planId, taskIds, indicatorIds, orgIds }) {
  return [
    {
      name: 'plan → issuer → children',
      expectData: true,
      query: `query PlanIssuer($id: ID!) { plan(id: $id) { id title status kind periodStart periodEnd
        issuer { id code name kind children { code name kind } } } }`,
      variables: { id: planId },
    },
    {
      name: 'plan → tasks → leadOrgs/cooperatingOrgs',
      expectData: true,
      query: `query PlanTasks($id: ID!) { plan(id: $id) { title tasks { totalCount pageInfo { hasNextPage }
        edges { node { number title status health deadline { date ongoing text }
          leadOrgs { code name } cooperatingOrgs { code shortName } } } } } }`,
      variables: { id: planId },
    },
    {
      name: 'organization → tasks → plan → indicators',
      expectData: true,
      query: `query OrgTasks($code: String!) { organization(code: $code) { code name
        tasks(first: 5, role: LEAD) { totalCount edges { cursor node { number title
          plan { id title indicators { name unit comparator target { value year } } } } } } } }`,
      variables: { code: 'nmg.zjt' },
    },
    {
      name: 'Plan.indicators (+ responsibleOrgs, latest, progress)',
      expectData: true,
      query: `query PlanIndicators($id: ID!) { plan(id: $id) { id indicators { id name unit additive comparator nature
        health met progress baseline { value year } target { value year }
        latest { period value source region { code } } responsibleOrgs { code name parent { code } }
        plan { id title issuer { code } } } } }`,
      variables: { id: planId },
    },
    {
      name: 'organization → indicators → plan → tasks',
      expectData: true,
      query: `{ organization(code: "nmg.zrzyt") { code indicators { name plan { title tasks(first: 2) { totalCount
        edges { node { title leadOrgs { code } } } } } } } }`,
    },
    {
      name: 'named + inline fragments',
      expectData: true,
      query: `query Fragments($id: ID!) { plan(id: $id) { ...PlanParts issuer { ...OrgParts ... on Organization { parent { ...OrgParts } } } } }
        fragment OrgParts on Organization { code name kind }
        fragment PlanParts on Plan { title ... on Plan { status tasks(first: 2) { edges { node { ...TaskParts } } } }
          indicators { ... { name } ...IndicatorParts } }
        fragment TaskParts on Task { number title leadOrgs { ...OrgParts } }
        fragment IndicatorParts on Indicator { unit responsibleOrgs { ...OrgParts code } }`,
      variables: { id: planId },
    },
    {
      name: 'aliases (fields and roots)',
      expectData: true,
      query: `query Aliases($id: ID!) { first: plan(id: $id) { heading: title by: issuer { c: code n: name } }
        again: plan(id: $id) { title issuer { code } }
        zjt: organization(code: "nmg.zjt") { name lead: tasks(role: LEAD, first: 3) { totalCount }
          coop: tasks(role: COOPERATING, first: 3) { totalCount } }
        zrzyt: organization(code: "nmg.zrzyt") { name } }`,
      variables: { id: planId },
    },
    {
      name: 'variables: @include true / @skip false',
      expectData: true,
      query: `query Directives($id: ID!, $withTasks: Boolean!, $skipIssuer: Boolean!) { plan(id: $id) { title
        issuer @skip(if: $skipIssuer) { code children @include(if: $withTasks) { code } }
        tasks(first: 3) @include(if: $withTasks) { edges { node { title leadOrgs { code } } } }
        indicators { name ... @include(if: $withTasks) { responsibleOrgs { code } } } } }`,
      variables: { id: planId, withTasks: true, skipIssuer: false },
    },
    {
      name: 'variables: @include false / @skip true',
      expectData: true,
      query: `query Directives($id: ID!, $withTasks: Boolean!, $skipIssuer: Boolean!) { plan(id: $id) { title
        issuer @skip(if: $skipIssuer) { code children @include(if: $withTasks) { code } }
        tasks(first: 3) @include(if: $withTasks) { edges { node { title leadOrgs { code } } } }
        indicators { name ... @include(if: $withTasks) { responsibleOrgs { code } } } } }`,
      variables: { id: planId, withTasks: false, skipIssuer: true },
    },
    {
      name: 'variables: list and enum arguments',
      expectData: true,
      query: `query Vars($code: String!, $role: TaskRole, $first: Int) { organization(code: $code) { code
        tasks(role: $role, first: $first) { totalCount edges { node { title plan { issuer { code } } } } } } }`,
      variables: { code: 'nmg.zrzyt', role: 'COOPERATING', first: 4 },
    },
    {
      name: '__typename at every level',
      expectData: true,
      query: `query Typenames($id: ID!) { __typename plan(id: $id) { __typename issuer { __typename code }
        tasks(first: 1) { __typename edges { __typename node { __typename leadOrgs { __typename } } } }
        indicators { __typename plan { __typename } } } }`,
      variables: { id: planId },
    },
    {
      name: 'task → plan/leadOrgs → indicators (entity both ways)',
      expectData: true,
      query: `query TaskBack($id: ID!) { task(id: $id) { title plan { title indicators { name } issuer { code } }
        leadOrgs { code indicators { name } tasks(first: 2) { totalCount } } } }`,
      variables: { id: taskIds[0] },
    },
    {
      name: 'indicator → plan → tasks (indicator root)',
      expectData: true,
      query: `query Ind($id: ID!) { indicator(id: $id) { name plan { id title tasks(first: 2) { edges { node { title } } } }
        responsibleOrgs { code } observations { period value } } }`,
      variables: { id: indicatorIds[0] },
    },
    {
      name: 'plans list → issuer, tasks, indicators',
      expectData: true,
      query: `{ plans(first: 3) { totalCount edges { node { title status issuer { code name } tasks(first: 1) { totalCount } indicators { name } } } } }`,
    },
    {
      name: 'not found → null',
      expectData: true,
      query: `{ plan(id: "00000000-0000-0000-0000-00000000beef") { title issuer { code } }
        organization(code: "no.such.org") { name } task(id: "00000000-0000-0000-0000-00000000beef") { title } }`,
    },
    {
      name: 'error in one subgraph, partial data (plan-service)',
      expectData: true,
      expectErrors: true,
      // plan-service refuses the cursor (BAD_USER_INPUT at plan.tasks); Plan.tasks is non-null, so plan is null
      // while org-service's organization stays.
      query: `query Partial($id: ID!) { plan(id: $id) { title tasks(after: "garbage") { totalCount } }
        organization(code: "nmg") { code name } }`,
      variables: { id: planId },
    },
    {
      name: 'error in one subgraph, partial data (indicator-service)',
      expectErrors: true,
      query: `{ organization(code: "nmg") { code } indicators(planId: "not-a-uuid") { edges { node { name } } } }`,
    },
    {
      name: 'same operation with the viewer token',
      user: 'viewer',
      expectData: true,
      query: `query AsViewer($id: ID!) { plan(id: $id) { title issuer { code } indicators { name } tasks(first: 2) { totalCount } } }`,
      variables: { id: planId },
    },
    {
      name: 'validation error (unknown field)',
      expectErrors: true,
      query: `{ plan(id: "x") { noSuchField } }`,
    },
  ];
}
